// Which last labels make a name a domain when it stands alone in text, and which file extensions never do.
//
// A compact list of the IANA top-level domains seen in reports and logs, not the full root zone: a bare
// `word.word` in pasted text is far more often a file name, a code member or a log field (`user.name`,
// `System.IO`) than a domain with a rare TLD. Inside a URL or an e-mail address the structure already says it is
// a host, so there any TLD of 2-24 letters counts (see `isPlausibleTld`), except a file extension.

const GENERIC = 'com net org info biz edu gov mil int mobi pro asia tel travel jobs';

// New generic TLDs common in phishing and malware infrastructure, and the Japanese city TLDs.
const NEW_GENERIC =
  'xyz top club online site shop store live life world today space website tech fun icu buzz click link ' +
  'work cloud rest bond cyou sbs cfd lol monster quest guru news blog win bid loan men party review stream ' +
  'download racing trade science support services digital network center agency company ' +
  'app dev zip mov tokyo osaka nagoya yokohama';

const COUNTRY =
  'ac ae af ag ai al am ar at au az ba bd be bg bh bo br by bz ca cc cf ch cl cm cn co cr cu cx cy cz de dk ' +
  'do dz ec ee eg es et eu fi fm fr ga ge gg gh gl gq gr gs gt hk hn hr ht hu id ie il im in iq ir is it je ' +
  'jo jp ke kg kh kp kr kw kz la lb li lk lt lu lv ly ma md me mk ml mm mn mo ms mt mu mv mx my mz na ng ni ' +
  'nl no np nu nz om pa pe ph pk pl pr ps pt pw py qa re ro rs ru rw sa sc se sg sh si sk sn so st su sv sy ' +
  'tc th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz vc ve vg vn vu ws ye za zm zw';

// RFC 2606 reserves `example` for documentation: advisories, this project's fixtures and tests use it.
const RESERVED = 'example';

const KNOWN_TLDS: ReadonlySet<string> = new Set(
  `${GENERIC} ${NEW_GENERIC} ${COUNTRY} ${RESERVED}`.split(/\s+/),
);

/**
 * File extensions rejected as TLDs of a bare name (`report.pdf`, `setup.exe`, `index.html`, `invoice.zip`,
 * `install.sh`). Most are no TLD at all; the ones that are (zip, mov, app, sh, py, pl, md, ps, rs, ai) are still
 * found as the host of a URL or the domain of an e-mail address.
 */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'exe dll sys scr cpl ocx drv msi msp bat cmd ps vbs vbe js jse wsf wsh hta lnk pif reg inf iso img vhd ' +
    'vhdx zip rar gz tgz tar xz cab jar apk app dmg pkg deb rpm sh py pl rb php asp aspx jsp htm html ' +
    'shtml css json xml yml yaml ini cfg conf log txt csv tsv md rtf pdf doc docx docm dot dotm xls xlsx ' +
    'xlsm xlsb ppt pptx pptm one eml msg pst ost png jpg jpeg gif bmp svg ico webp mov avi wav tmp bak ' +
    'old dat bin db sqlite ai psd rs go java class ts tsx jsx'
  ).split(/\s+/),
);

/**
 * TLDs that are also common last words of log field names (`user.id`, `duration.ms`, `latency.us`): a bare name
 * ending in one of them needs three labels or more (`example.co.id`) to count as a domain.
 */
const NEEDS_THREE_LABELS: ReadonlySet<string> = new Set(['id', 'ms', 'us']);

/** Whether `tld` (lower case, no dot) is in the compact list of commonly seen TLDs. */
export function isKnownTld(tld: string): boolean {
  return KNOWN_TLDS.has(tld);
}

/**
 * The TLD of a host inside a URL or an e-mail address: a known one (zip and mov included), or any other of letters
 * only, 2 to 24 long, or an IDN TLD in punycode, that is not a file extension (`name@2x.png` is an image).
 */
export function isPlausibleTld(tld: string): boolean {
  if (isKnownTld(tld)) return true;
  return (/^[a-z]{2,24}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/.test(tld)) && !FILE_EXTENSIONS.has(tld);
}

/** Whether a bare name in text (lower case, already split into labels) reads as a domain. */
export function isBareDomain(labels: readonly string[]): boolean {
  const tld = labels[labels.length - 1];
  if (tld === undefined || labels.length < 2) return false;
  if (!isKnownTld(tld) || FILE_EXTENSIONS.has(tld)) return false;
  return labels.length >= 3 || !NEEDS_THREE_LABELS.has(tld);
}
