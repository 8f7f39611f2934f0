/**
 * A pastry box: a gift box tied with a ribbon and bow, a mooncake with its pressed flower and an
 * egg tart beside it, a spray of blossom. No text.
 */
export const pastryBox = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <pattern id="dots" width="28" height="28" patternUnits="userSpaceOnUse">
      <rect width="28" height="28" fill="#f7ebe2"/>
      <circle cx="7" cy="7" r="1.6" fill="#ecd6c8"/>
      <circle cx="21" cy="21" r="1.6" fill="#ecd6c8"/>
    </pattern>
    <filter id="soft" x="-20%" y="-50%" width="140%" height="200%">
      <feGaussianBlur stdDeviation="10"/>
    </filter>
    <linearGradient id="lid" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f3cdb9"/>
      <stop offset="1" stop-color="#e6ae96"/>
    </linearGradient>
    <radialGradient id="custard" cx="0.45" cy="0.4" r="0.6">
      <stop offset="0" stop-color="#ffe07a"/>
      <stop offset="1" stop-color="#f2b83c"/>
    </radialGradient>
    <radialGradient id="crust" cx="0.5" cy="0.35" r="0.7">
      <stop offset="0" stop-color="#e2ac62"/>
      <stop offset="1" stop-color="#b9783a"/>
    </radialGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#dots)"/>

  <!-- A spray of blossom in the corner. -->
  <g>
    <path d="M -10 70 C 60 80 110 60 160 96 C 190 118 230 118 262 104" fill="none" stroke="#6b4a3a" stroke-width="6" stroke-linecap="round"/>
    <path d="M 120 84 C 130 60 150 44 176 40" fill="none" stroke="#6b4a3a" stroke-width="4" stroke-linecap="round"/>
    <g fill="#f4b6c0">
      <g transform="translate(176 40)"><circle cx="0" cy="-11" r="9"/><circle cx="10.5" cy="-3.4" r="9"/><circle cx="6.5" cy="9" r="9"/><circle cx="-6.5" cy="9" r="9"/><circle cx="-10.5" cy="-3.4" r="9"/></g>
      <g transform="translate(262 104)"><circle cx="0" cy="-11" r="9"/><circle cx="10.5" cy="-3.4" r="9"/><circle cx="6.5" cy="9" r="9"/><circle cx="-6.5" cy="9" r="9"/><circle cx="-10.5" cy="-3.4" r="9"/></g>
      <g transform="translate(84 76) scale(0.8)"><circle cx="0" cy="-11" r="9"/><circle cx="10.5" cy="-3.4" r="9"/><circle cx="6.5" cy="9" r="9"/><circle cx="-6.5" cy="9" r="9"/><circle cx="-10.5" cy="-3.4" r="9"/></g>
    </g>
    <g fill="#d9707f"><circle cx="176" cy="40" r="4"/><circle cx="262" cy="104" r="4"/><circle cx="84" cy="76" r="3.5"/></g>
    <circle cx="214" cy="114" r="6" fill="#f4b6c0"/>
  </g>

  <!-- The box: lid on top, its faces shaded by the light from the upper left. -->
  <path d="M 392 430 L 618 536 L 850 430 L 620 330 Z" fill="#7a4a3a" opacity="0.3" filter="url(#soft)"/>
  <path d="M 380 250 L 600 350 L 600 520 L 380 420 Z" fill="#dca08a"/>
  <path d="M 600 350 L 820 250 L 820 420 L 600 520 Z" fill="#c98a73"/>
  <path d="M 380 250 L 600 350 L 600 394 L 380 294 Z" fill="#e8b39d"/>
  <path d="M 600 350 L 820 250 L 820 294 L 600 394 Z" fill="#d69a82"/>
  <path d="M 380 294 L 600 394 L 820 294" fill="none" stroke="#b87560" stroke-width="2"/>
  <path d="M 600 150 L 820 250 L 600 350 L 380 250 Z" fill="url(#lid)"/>
  <path d="M 600 150 L 820 250 L 600 350 L 380 250 Z" fill="none" stroke="#f9dccd" stroke-width="2"/>

  <!-- The ribbon, across the lid and down the sides. -->
  <path d="M 501 195 L 721 295 L 699 305 L 479 205 Z" fill="#b8384a"/>
  <path d="M 699 195 L 721 205 L 501 305 L 479 295 Z" fill="#c44457"/>
  <path d="M 699 305 L 721 295 L 721 465 L 699 475 Z" fill="#9a2c3d"/>
  <path d="M 479 295 L 501 305 L 501 475 L 479 465 Z" fill="#ad3446"/>

  <!-- The bow. -->
  <g transform="translate(600 250)">
    <path d="M 0 0 C -30 30 -62 64 -70 92 L -52 86 L -46 104 C -36 74 -14 38 0 0 Z" fill="#a83244"/>
    <path d="M 0 0 C 24 34 52 62 78 80 L 60 84 L 62 102 C 36 80 12 42 0 0 Z" fill="#a83244"/>
    <path d="M 0 0 C -40 -20 -110 -40 -118 -8 C -124 20 -60 18 0 0 Z" fill="#c44457"/>
    <path d="M 0 0 C 40 -20 110 -40 118 -8 C 124 20 60 18 0 0 Z" fill="#b8384a"/>
    <path d="M -8 -4 C -40 -16 -90 -28 -100 -10" fill="none" stroke="#e07888" stroke-width="3" stroke-linecap="round" opacity="0.7"/>
    <ellipse cx="0" cy="0" rx="17" ry="13" fill="#9a2c3d"/>
    <ellipse cx="-4" cy="-4" rx="7" ry="4" fill="#d35a6b" opacity="0.8"/>
  </g>

  <!-- A mooncake: golden crust, a pressed flower on top. -->
  <g transform="translate(960 470)">
    <ellipse cx="0" cy="52" rx="108" ry="18" fill="#7a4a3a" opacity="0.25" filter="url(#soft)"/>
    <path d="M -96 0 L -96 40 C -96 64 96 64 96 40 L 96 0 Z" fill="#b0703a"/>
    <path d="M -96 6 L -96 40 C -96 64 96 64 96 40 L 96 6" fill="none" stroke="#9a5d2c" stroke-width="2"/>
    <ellipse cx="0" cy="0" rx="96" ry="36" fill="url(#crust)"/>
    <ellipse cx="0" cy="0" rx="74" ry="26" fill="none" stroke="#a8672f" stroke-width="3"/>
    <g fill="none" stroke="#a8672f" stroke-width="3" stroke-linecap="round">
      <ellipse cx="0" cy="-12" rx="10" ry="6"/>
      <ellipse cx="0" cy="12" rx="10" ry="6"/>
      <ellipse cx="-26" cy="0" rx="14" ry="5"/>
      <ellipse cx="26" cy="0" rx="14" ry="5"/>
    </g>
    <circle cx="0" cy="0" r="4" fill="#a8672f"/>
    <ellipse cx="-40" cy="-18" rx="22" ry="5" fill="#f4cf8a" opacity="0.5"/>
  </g>

  <!-- An egg tart in its fluted crust. -->
  <g transform="translate(236 486)">
    <ellipse cx="0" cy="44" rx="96" ry="16" fill="#7a4a3a" opacity="0.25" filter="url(#soft)"/>
    <path d="M -84 0 L -66 40 C -40 56 40 56 66 40 L 84 0 Z" fill="#c98a46"/>
    <g stroke="#a86a30" stroke-width="2">
      <path d="M -60 14 L -50 44 M -36 18 L -30 50 M -12 20 L -10 52 M 12 20 L 10 52 M 36 18 L 30 50 M 60 14 L 50 44"/>
    </g>
    <ellipse cx="0" cy="0" rx="84" ry="26" fill="#dca15a"/>
    <ellipse cx="0" cy="2" rx="68" ry="19" fill="url(#custard)"/>
    <g fill="#c97a2a" opacity="0.55">
      <ellipse cx="-18" cy="0" rx="9" ry="4"/>
      <ellipse cx="20" cy="6" rx="7" ry="3"/>
      <ellipse cx="6" cy="-8" rx="5" ry="2.5"/>
    </g>
  </g>

  <!-- Crumbs. -->
  <g fill="#c98a46">
    <circle cx="372" cy="548" r="4"/><circle cx="392" cy="560" r="2.5"/><circle cx="820" cy="566" r="3.5"/><circle cx="842" cy="552" r="2"/>
  </g>
</svg>
`;
