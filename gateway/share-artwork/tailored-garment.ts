/**
 * A tailored garment: a pinked swatch of navy herringbone wool on linen, a running stitch in red
 * silk that rises to the needle's eye, a spool, horn buttons and a tailor's tape. No text.
 */
export const tailoredGarment = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <pattern id="linen" width="6" height="6" patternUnits="userSpaceOnUse">
      <rect width="6" height="6" fill="#ece5d8"/>
      <path d="M 0 1.5 H 6 M 1.5 0 V 6" stroke="#e0d7c6" stroke-width="1"/>
    </pattern>
    <pattern id="herringbone" width="28" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate(-6)">
      <rect width="28" height="14" fill="#2c3a52"/>
      <path d="M 0 14 L 14 0 M -7 7 L 7 -7 M 7 21 L 21 7" stroke="#3e4f6d" stroke-width="3"/>
      <path d="M 14 0 L 28 14 M 21 -7 L 35 7 M 7 7 L 21 21" stroke="#233047" stroke-width="3"/>
    </pattern>
    <!-- Pinking: teeth cut along each edge of the swatch. -->
    <pattern id="teethAcross" width="14" height="8" patternUnits="userSpaceOnUse">
      <rect width="14" height="8" fill="#fff"/>
      <path d="M 0 0 L 14 0 L 7 8 Z M 0 8 L 7 8 L 0 0 Z" fill="#000"/>
    </pattern>
    <pattern id="teethAlong" width="8" height="14" patternUnits="userSpaceOnUse">
      <rect width="8" height="14" fill="#fff"/>
      <path d="M 0 0 L 0 14 L 8 7 Z" fill="#000"/>
    </pattern>
    <mask id="pinked" maskUnits="userSpaceOnUse" x="-20" y="-20" width="620" height="400">
      <rect x="0" y="0" width="574" height="336" fill="#fff"/>
      <rect x="0" y="0" width="574" height="8" fill="url(#teethAcross)"/>
      <rect x="0" y="328" width="574" height="8" fill="url(#teethAcross)" transform="rotate(180 287 332)"/>
      <rect x="0" y="0" width="8" height="336" fill="url(#teethAlong)"/>
      <rect x="566" y="0" width="8" height="336" fill="url(#teethAlong)" transform="rotate(180 570 168)"/>
    </mask>
    <filter id="soft" x="-10%" y="-10%" width="120%" height="130%">
      <feGaussianBlur stdDeviation="8"/>
    </filter>
    <linearGradient id="steel" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f4f5f7"/>
      <stop offset="0.5" stop-color="#a9afb8"/>
      <stop offset="1" stop-color="#6d747e"/>
    </linearGradient>
    <linearGradient id="wood" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#b98b5a"/>
      <stop offset="0.5" stop-color="#d9b07c"/>
      <stop offset="1" stop-color="#a7784a"/>
    </linearGradient>
    <linearGradient id="silk" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#8e2a25"/>
      <stop offset="0.45" stop-color="#c8473d"/>
      <stop offset="1" stop-color="#8e2a25"/>
    </linearGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#linen)"/>

  <!-- The swatch, its shadow first. -->
  <g transform="translate(150 130) rotate(-6)">
    <rect x="10" y="18" width="574" height="336" fill="#3a3128" opacity="0.28" filter="url(#soft)"/>
    <g mask="url(#pinked)">
      <rect width="574" height="336" fill="url(#herringbone)"/>
      <rect width="574" height="336" fill="#ffffff" opacity="0.04"/>
    </g>
    <!-- A chalked seam line and the running stitch along it. -->
    <path d="M 60 250 C 180 200 300 290 420 220 C 470 190 510 170 560 160" fill="none" stroke="#efe9dc" stroke-width="2.5" stroke-dasharray="3 7" opacity="0.7"/>
    <path d="M 60 262 C 180 212 300 302 420 232 C 470 202 510 182 548 172" fill="none" stroke="url(#silk)" stroke-width="6" stroke-linecap="round" stroke-dasharray="20 16"/>
  </g>

  <!-- The thread leaves the cloth and loops up through the needle's eye. -->
  <path d="M 688 244 C 760 226 800 300 860 300 C 930 300 930 150 1000 120 C 1040 104 1070 118 1086 106" fill="none" stroke="#b53c33" stroke-width="4" stroke-linecap="round"/>
  <g transform="translate(1090 104) rotate(146) scale(0.8)">
    <path d="M -10 -6 C -4 -7 6 -7 12 -5 L 250 -1 L 262 0 L 250 1 L 12 5 C 6 7 -4 7 -10 6 C -14 4 -14 -4 -10 -6 Z" fill="url(#steel)" stroke="#5e646d" stroke-width="0.8"/>
    <rect x="-6" y="-2" width="16" height="4" rx="2" fill="#ece5d8"/>
  </g>
  <path d="M 1094 102 C 1108 118 1114 150 1104 176" fill="none" stroke="#b53c33" stroke-width="4" stroke-linecap="round"/>

  <!-- A spool of the same silk. -->
  <g transform="translate(880 380)">
    <ellipse cx="70" cy="180" rx="80" ry="14" fill="#3a3128" opacity="0.18"/>
    <rect x="10" y="22" width="120" height="136" fill="url(#silk)"/>
    <g stroke="#7c231f" stroke-width="1.2" opacity="0.55">
      <path d="M 10 40 H 130 M 10 58 H 130 M 10 76 H 130 M 10 94 H 130 M 10 112 H 130 M 10 130 H 130 M 10 148 H 130"/>
    </g>
    <rect x="0" y="0" width="140" height="24" rx="6" fill="url(#wood)"/>
    <rect x="0" y="156" width="140" height="24" rx="6" fill="url(#wood)"/>
  </g>

  <!-- Horn buttons. -->
  <g>
    <circle cx="820" cy="468" r="30" fill="#5a3b26"/>
    <circle cx="820" cy="468" r="23" fill="#6f4a30"/>
    <g fill="#ece5d8"><circle cx="812" cy="460" r="4"/><circle cx="828" cy="460" r="4"/><circle cx="812" cy="476" r="4"/><circle cx="828" cy="476" r="4"/></g>
    <circle cx="762" cy="520" r="22" fill="#5a3b26"/>
    <circle cx="762" cy="520" r="16" fill="#6f4a30"/>
    <g fill="#ece5d8"><circle cx="757" cy="515" r="3"/><circle cx="767" cy="515" r="3"/><circle cx="757" cy="525" r="3"/><circle cx="767" cy="525" r="3"/></g>
  </g>

  <!-- A tailor's tape curling along the bottom edge. -->
  <path d="M -20 560 C 120 520 260 600 400 566 C 520 538 600 560 660 600" fill="none" stroke="#e2b84f" stroke-width="30"/>
  <path d="M -20 552 C 120 512 260 592 400 558 C 520 530 600 552 660 592" fill="none" stroke="#5a4a2c" stroke-width="8" stroke-dasharray="1.5 10.5"/>
  <path d="M -20 549 C 120 509 260 589 400 555 C 520 527 600 549 660 589" fill="none" stroke="#5a4a2c" stroke-width="14" stroke-dasharray="1.5 58.5"/>
</svg>
`;
