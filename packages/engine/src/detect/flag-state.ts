/**
 * The flag state of an MMSI as an ISO 3166-1 alpha-3 code, the form zones
 * give their coastal state in, so "is this EEZ its flag's?" is one string
 * comparison.
 *
 * Keyed by MID (ITU-R M.585), as `mid-table.ts` lists them. A MID allocated
 * to a territory with its own ISO code gives that code (Faroe Islands FRO,
 * Hong Kong HKG, Réunion REU, Greenland GRL); the Azores, Madeira and Alaska,
 * which have none, give their state's (PRT, USA); the French Southern
 * Territories (Adélie Land, Crozet, Kerguelen, St Paul and Amsterdam) ATF;
 * Ascension and St Helena SHN; 306 (Bonaire, Sint Eustatius and Saba;
 * Curaçao; Sint Maarten) BES.
 */
import { midOf } from '../identity/mmsi.js';

/** `MID ISO` pairs, space separated; runs of MIDs with one code listed one by one. */
const TABLE = `
201 ALB 202 AND 203 AUT 204 PRT 205 BEL 206 BLR 207 BGR 208 VAT 209 CYP 210 CYP 211 DEU 212 CYP 213 GEO 214 MDA 215 MLT
216 ARM 218 DEU 219 DNK 220 DNK 224 ESP 225 ESP 226 FRA 227 FRA 228 FRA 229 MLT 230 FIN 231 FRO 232 GBR 233 GBR 234 GBR
235 GBR 236 GIB 237 GRC 238 HRV 239 GRC 240 GRC 241 GRC 242 MAR 243 HUN 244 NLD 245 NLD 246 NLD 247 ITA 248 MLT 249 MLT
250 IRL 251 ISL 252 LIE 253 LUX 254 MCO 255 PRT 256 MLT 257 NOR 258 NOR 259 NOR 261 POL 262 MNE 263 PRT 264 ROU 265 SWE
266 SWE 267 SVK 268 SMR 269 CHE 270 CZE 271 TUR 272 UKR 273 RUS 274 MKD 275 LVA 276 EST 277 LTU 278 SVN 279 SRB
301 AIA 303 USA 304 ATG 305 ATG 306 BES 307 ABW 308 BHS 309 BHS 310 BMU 311 BHS 312 BLZ 314 BRB 316 CAN 319 CYM 321 CRI
323 CUB 325 DMA 327 DOM 329 GLP 330 GRD 331 GRL 332 GTM 334 HND 336 HTI 338 USA 339 JAM 341 KNA 343 LCA 345 MEX 347 MTQ
348 MSR 350 NIC 351 PAN 352 PAN 353 PAN 354 PAN 355 PAN 356 PAN 357 PAN 358 PRI 359 SLV 361 SPM 362 TTO 364 TCA 366 USA
367 USA 368 USA 369 USA 370 PAN 371 PAN 372 PAN 373 PAN 375 VCT 376 VCT 377 VCT 378 VGB 379 VIR
401 AFG 403 SAU 405 BGD 408 BHR 410 BTN 412 CHN 413 CHN 414 CHN 416 TWN 417 LKA 419 IND 422 IRN 423 AZE 425 IRQ 428 ISR
431 JPN 432 JPN 434 TKM 436 KAZ 437 UZB 438 JOR 440 KOR 441 KOR 443 PSE 445 PRK 447 KWT 450 LBN 451 KGZ 453 MAC 455 MDV
457 MNG 459 NPL 461 OMN 463 PAK 466 QAT 468 SYR 470 ARE 472 TJK 473 YEM 475 YEM 477 HKG 478 BIH
501 ATF 503 AUS 506 MMR 508 BRN 510 FSM 511 PLW 512 NZL 514 KHM 515 KHM 516 CXR 518 COK 520 FJI 523 CCK 525 IDN 529 KIR
531 LAO 533 MYS 536 MNP 538 MHL 540 NCL 542 NIU 544 NRU 546 PYF 548 PHL 553 PNG 555 PCN 557 SLB 559 ASM 561 WSM 563 SGP
564 SGP 565 SGP 566 SGP 567 THA 570 TON 572 TUV 574 VNM 576 VUT 577 VUT 578 WLF
601 ZAF 603 AGO 605 DZA 607 ATF 608 SHN 609 BDI 610 BEN 611 BWA 612 CAF 613 CMR 615 COG 616 COM 617 CPV 618 ATF 619 CIV
620 COM 621 DJI 622 EGY 624 ETH 625 ERI 626 GAB 627 GHA 629 GMB 630 GNB 631 GNQ 632 GIN 633 BFA 634 KEN 635 ATF 636 LBR
637 LBR 638 SSD 642 LBY 644 LSO 645 MUS 647 MDG 649 MLI 650 MOZ 654 MRT 655 MWI 656 NER 657 NGA 659 NAM 660 REU 661 RWA
662 SDN 663 SEN 664 SYC 665 SHN 666 SOM 667 SLE 668 STP 669 SWZ 670 TCD 671 TGO 672 TUN 674 TZA 675 UGA 676 COD 677 TZA
678 ZMB 679 ZWE
701 ARG 710 BRA 720 BOL 725 CHL 730 COL 735 ECU 740 FLK 745 GUF 750 GUY 755 PRY 760 PER 765 SUR 770 URY 775 VEN
`;

/** MID → ISO alpha-3, by index 0-999; built once. */
const ISO_BY_MID: ReadonlyArray<string | undefined> = (() => {
  const table = new Array<string | undefined>(1000).fill(undefined);
  const words = TABLE.trim().split(/\s+/);
  for (let i = 0; i < words.length; i += 2) table[Number(words[i])] = words[i + 1];
  return table;
})();

/** ISO alpha-3 of the country or territory a MID is allocated to, or undefined. */
export function flagIsoOfMid(mid: number): string | undefined {
  return Number.isInteger(mid) && mid >= 0 && mid < 1000 ? ISO_BY_MID[mid] : undefined;
}

/** ISO alpha-3 of an MMSI's flag (from its MID), or undefined when it carries no allocated MID. */
export function flagIsoOf(mmsi: number): string | undefined {
  return flagIsoOfMid(midOf(mmsi));
}
