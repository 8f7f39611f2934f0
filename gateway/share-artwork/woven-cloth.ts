/**
 * Any other product family: a piece of plain weave on the loom's warp, its last weft thread running
 * out to the shuttle. Calm on purpose: it stands for whatever a studio makes. No text.
 */
export const wovenCloth = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <radialGradient id="paper" cx="0.5" cy="0.45" r="0.7">
      <stop offset="0" stop-color="#f4efe6"/>
      <stop offset="1" stop-color="#e4dccd"/>
    </radialGradient>
    <!-- Plain weave: each weft passes over one warp and under the next, row by row in turn. -->
    <pattern id="weave" x="380" y="150" width="48" height="48" patternUnits="userSpaceOnUse">
      <rect width="48" height="48" fill="#6b6052"/>
      <rect x="0" y="1" width="48" height="22" fill="#3f5a7a"/>
      <rect x="0" y="25" width="48" height="22" fill="#4a6686"/>
      <rect x="1" y="0" width="22" height="48" rx="4" fill="#efe6d4"/>
      <rect x="25" y="0" width="22" height="48" rx="4" fill="#efe6d4"/>
      <rect x="1" y="1" width="22" height="22" rx="7" fill="#3f5a7a"/>
      <rect x="25" y="25" width="22" height="22" rx="7" fill="#4a6686"/>
      <rect x="5" y="5" width="14" height="4" rx="2" fill="#6a86a6" opacity="0.8"/>
      <rect x="29" y="29" width="14" height="4" rx="2" fill="#7592b2" opacity="0.8"/>
      <rect x="28" y="3" width="4" height="14" rx="2" fill="#ffffff" opacity="0.6"/>
      <rect x="4" y="27" width="4" height="14" rx="2" fill="#ffffff" opacity="0.6"/>
    </pattern>
    <filter id="soft" x="-20%" y="-20%" width="140%" height="140%">
      <feGaussianBlur stdDeviation="9"/>
    </filter>
    <linearGradient id="wood" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#d6ad78"/>
      <stop offset="1" stop-color="#9c6d3e"/>
    </linearGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#paper)"/>

  <!-- The warp, running on above and below the cloth. -->
  <g stroke="#e3d8c3" stroke-width="14">
    <path d="M 392 70 V 560 M 416 70 V 560 M 440 70 V 560 M 464 70 V 560 M 488 70 V 560 M 512 70 V 560 M 536 70 V 560 M 560 70 V 560 M 584 70 V 560 M 608 70 V 560 M 632 70 V 560 M 656 70 V 560 M 680 70 V 560 M 704 70 V 560 M 728 70 V 560 M 752 70 V 560"/>
  </g>
  <rect x="372" y="58" width="400" height="14" rx="7" fill="url(#wood)"/>
  <rect x="372" y="556" width="400" height="14" rx="7" fill="url(#wood)"/>

  <!-- The cloth so far, and its shadow. -->
  <rect x="394" y="172" width="384" height="288" fill="#4a3c2c" opacity="0.25" filter="url(#soft)"/>
  <rect x="380" y="150" width="384" height="288" fill="url(#weave)"/>

  <!-- The last weft runs out of the cloth to the shuttle. -->
  <path d="M 760 426 C 820 428 860 440 900 470 C 920 484 936 490 960 490" fill="none" stroke="#4a6686" stroke-width="6" stroke-linecap="round"/>

  <!-- The shuttle, its bobbin wound with the same blue. -->
  <g transform="translate(1040 494) rotate(-4)">
    <ellipse cx="0" cy="36" rx="118" ry="12" fill="#4a3c2c" opacity="0.22" filter="url(#soft)"/>
    <path d="M -130 0 C -90 -34 90 -34 130 0 C 90 34 -90 34 -130 0 Z" fill="url(#wood)"/>
    <path d="M -130 0 C -90 -34 90 -34 130 0" fill="none" stroke="#e8c796" stroke-width="2" opacity="0.8"/>
    <rect x="-62" y="-13" width="124" height="26" rx="13" fill="#6b4a2c"/>
    <rect x="-50" y="-10" width="100" height="20" rx="8" fill="#4a6686"/>
    <g stroke="#2f4560" stroke-width="1.5"><path d="M -40 -10 V 10 M -24 -10 V 10 M -8 -10 V 10 M 8 -10 V 10 M 24 -10 V 10 M 40 -10 V 10"/></g>
  </g>

  <!-- A strand of ochre yarn waiting its turn. -->
  <path d="M 760 162 C 820 158 860 118 900 126 C 940 134 930 174 896 170" fill="none" stroke="#c08a4a" stroke-width="6" stroke-linecap="round"/>
</svg>
`;
