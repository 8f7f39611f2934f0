/**
 * Calligraphy teaware: an ink ensō brushed on rice paper, a celadon tea bowl with a dry-brush
 * orchid in front of it, the brush on its rest and a red seal. No text: the seal is carved shapes.
 */
export const calligraphyTeaware = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <filter id="brush" x="-10%" y="-10%" width="120%" height="120%">
      <feTurbulence type="fractalNoise" baseFrequency="0.045" numOctaves="2" seed="3" result="wobble"/>
      <feDisplacementMap in="SourceGraphic" in2="wobble" scale="9" xChannelSelector="R" yChannelSelector="G"/>
    </filter>
    <!-- The paper's fibres: a few faint hairs, repeated over the sheet. -->
    <pattern id="fibres" width="230" height="170" patternTransform="rotate(-8)" patternUnits="userSpaceOnUse">
      <g fill="none" stroke="#b9a888" stroke-width="0.8" stroke-linecap="round" opacity="0.22">
        <path d="M 12 18 C 30 14 44 22 62 16"/>
        <path d="M 96 40 C 108 52 126 50 138 62"/>
        <path d="M 30 84 C 44 78 52 90 70 86"/>
        <path d="M 120 104 C 136 98 150 110 168 104"/>
        <path d="M 150 12 C 156 24 170 26 176 36"/>
        <path d="M 6 120 C 18 112 26 124 40 118"/>
        <path d="M 78 126 C 86 118 100 120 104 110"/>
      </g>
    </pattern>
    <radialGradient id="wash" cx="0.5" cy="0.48" r="0.62">
      <stop offset="0" stop-color="#f8f3e8"/>
      <stop offset="1" stop-color="#e9dfcb"/>
    </radialGradient>
    <linearGradient id="glaze" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#b9cdb9"/>
      <stop offset="0.55" stop-color="#94b09b"/>
      <stop offset="1" stop-color="#6f8f7b"/>
    </linearGradient>
    <linearGradient id="glazeShine" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0"/>
      <stop offset="0.25" stop-color="#ffffff" stop-opacity="0.35"/>
      <stop offset="0.4" stop-color="#ffffff" stop-opacity="0"/>
    </linearGradient>
    <radialGradient id="tea" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#8fa453"/>
      <stop offset="1" stop-color="#5f7a35"/>
    </radialGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#wash)"/>
  <rect width="1200" height="630" fill="url(#fibres)"/>

  <!-- The ensō: one breath of ink, heavy where the brush lands, thinning into dry strands. -->
  <g filter="url(#brush)" fill="none" stroke="#24211d" stroke-linecap="round">
    <path d="M 537 101 A 200 200 0 0 0 320 300" stroke-width="36"/>
    <path d="M 320 300 A 200 200 0 0 0 520 500" stroke-width="31"/>
    <path d="M 520 500 A 200 200 0 0 0 720 300" stroke-width="26"/>
    <path d="M 720 300 A 200 200 0 0 0 668 166" stroke-width="19"/>
    <path d="M 668 166 A 200 200 0 0 0 628 126" stroke-width="11" opacity="0.8"/>
  </g>
  <g fill="none" stroke="#24211d" stroke-linecap="round" opacity="0.6">
    <path d="M 731 300 A 211 211 0 0 0 650 134" stroke-width="3" stroke-dasharray="60 8 30 14 22 30"/>
    <path d="M 710 300 A 190 190 0 0 0 640 152" stroke-width="3" stroke-dasharray="44 12 50 10 12 40"/>
    <path d="M 724 290 A 204 204 0 0 0 612 118" stroke-width="2" stroke-dasharray="90 16 40 20 24 60"/>
  </g>
  <ellipse cx="542" cy="102" rx="24" ry="19" fill="#24211d" filter="url(#brush)"/>

  <!-- The brush on its rest, and a drop of ink beside it. -->
  <g transform="translate(858 452) rotate(-14)">
    <rect x="-18" y="20" width="132" height="16" rx="8" fill="#5b4a3a"/>
    <rect x="0" y="8" width="14" height="16" rx="4" fill="#5b4a3a"/>
    <rect x="86" y="8" width="14" height="16" rx="4" fill="#5b4a3a"/>
    <rect x="-120" y="0" width="240" height="11" rx="5.5" fill="#a0784c"/>
    <rect x="-120" y="0" width="240" height="4" rx="2" fill="#c39a68" opacity="0.7"/>
    <rect x="96" y="-1" width="22" height="13" rx="3" fill="#3b2f25"/>
    <path d="M -120 0.5 C -150 0 -182 3 -196 5.5 C -182 8 -150 11 -120 10.5 Z" fill="#1d1a17"/>
    <path d="M -120 2 C -140 2 -160 4 -172 5.5" stroke="#6b5e50" stroke-width="1.2" fill="none" opacity="0.6"/>
  </g>
  <ellipse cx="744" cy="540" rx="16" ry="6" fill="#24211d" opacity="0.85"/>
  <ellipse cx="772" cy="548" rx="5" ry="2.5" fill="#24211d" opacity="0.7"/>

  <!-- The tea bowl: celadon, a matcha surface, a foot ring, its shadow on the paper. -->
  <ellipse cx="510" cy="548" rx="176" ry="16" fill="#3b3226" opacity="0.16"/>
  <path d="M 356 370 C 360 462 420 526 510 530 C 600 526 660 462 664 370 Z" fill="url(#glaze)"/>
  <path d="M 356 370 C 360 462 420 526 510 530 C 600 526 660 462 664 370 Z" fill="url(#glazeShine)"/>
  <path d="M 468 526 L 472 544 L 548 544 L 552 526 Z" fill="#a98a66"/>
  <path d="M 360 392 C 380 400 392 420 396 442 C 400 420 412 404 430 398 C 450 406 462 428 466 448
           C 470 426 486 408 508 404 C 530 410 544 430 548 452 C 554 430 570 412 592 406 C 612 412 626 430 630 448
           C 636 428 648 410 660 400 L 664 370 L 356 370 Z" fill="#b9cdb9" opacity="0.55"/>
  <ellipse cx="510" cy="370" rx="154" ry="26" fill="#dfe6d8"/>
  <ellipse cx="510" cy="372" rx="140" ry="20" fill="url(#tea)"/>
  <ellipse cx="486" cy="368" rx="44" ry="6" fill="#c3d08a" opacity="0.55"/>
  <!-- An orchid leaf and bud brushed on the bowl. -->
  <g fill="none" stroke="#2f3a31" stroke-linecap="round" opacity="0.8">
    <path d="M 430 500 C 452 460 500 430 566 418" stroke-width="4"/>
    <path d="M 444 504 C 480 478 520 470 560 476" stroke-width="2.5"/>
    <path d="M 470 496 C 478 470 500 446 528 432" stroke-width="2"/>
  </g>
  <path d="M 572 414 C 582 404 596 404 600 412 C 594 420 582 422 572 414 Z" fill="#2f3a31" opacity="0.8"/>

  <!-- Steam rising from the tea. -->
  <g fill="none" stroke="#8a7d6a" stroke-linecap="round" stroke-width="3" opacity="0.35">
    <path d="M 476 330 C 456 300 494 280 474 248 C 458 222 486 206 480 186"/>
    <path d="M 526 334 C 508 300 546 284 528 252 C 514 228 540 210 534 194"/>
  </g>

  <!-- The artist's seal: vermilion, a carved plum blossom, no characters. -->
  <g transform="translate(1010 92) rotate(3)">
    <rect x="0" y="0" width="74" height="74" rx="5" fill="#b8352a"/>
    <rect x="6" y="6" width="62" height="62" rx="2" fill="none" stroke="#f3e9d8" stroke-width="2.5"/>
    <g fill="#f3e9d8">
      <circle cx="37" cy="24" r="8"/>
      <circle cx="49.4" cy="33" r="8"/>
      <circle cx="44.6" cy="47.5" r="8"/>
      <circle cx="29.4" cy="47.5" r="8"/>
      <circle cx="24.6" cy="33" r="8"/>
    </g>
    <circle cx="37" cy="37" r="5" fill="#b8352a"/>
    <circle cx="37" cy="37" r="2" fill="#f3e9d8"/>
  </g>
</svg>
`;
