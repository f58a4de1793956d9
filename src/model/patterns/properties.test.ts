import { describe, expect, it } from "vitest";
import {
  asciiPropertyPoints,
  complement,
  intersection,
  NON_ASCII,
  type CodePoints,
} from "./sets.js";

/** Whether `set` holds the code point `c`. */
function holds(set: CodePoints, c: number): boolean {
  for (let i = 0; i < set.length; i += 2)
    if (c >= set[i]! && c <= set[i + 1]!) return true;
  return false;
}

/** ECMA-262's binary properties, long names and short. */
const BINARY = `ASCII ASCII_Hex_Digit AHex Alphabetic Alpha Any Assigned Bidi_Control Bidi_C
  Bidi_Mirrored Bidi_M Case_Ignorable CI Cased Changes_When_Casefolded CWCF
  Changes_When_Casemapped CWCM Changes_When_Lowercased CWL Changes_When_NFKC_Casefolded CWKCF
  Changes_When_Titlecased CWT Changes_When_Uppercased CWU Dash Default_Ignorable_Code_Point DI
  Deprecated Dep Diacritic Dia Emoji Emoji_Component EComp Emoji_Modifier EMod
  Emoji_Modifier_Base EBase Emoji_Presentation EPres Extended_Pictographic ExtPict Extender Ext
  Grapheme_Base Gr_Base Grapheme_Extend Gr_Ext Hex_Digit Hex IDS_Binary_Operator IDSB
  IDS_Trinary_Operator IDST ID_Continue IDC ID_Start IDS Ideographic Ideo Join_Control Join_C
  Logical_Order_Exception LOE Lowercase Lower Math Noncharacter_Code_Point NChar Pattern_Syntax
  Pat_Syn Pattern_White_Space Pat_WS Quotation_Mark QMark Radical Regional_Indicator RI
  Sentence_Terminal STerm Soft_Dotted SD Terminal_Punctuation Term Unified_Ideograph UIdeo
  Uppercase Upper Variation_Selector VS White_Space space XID_Continue XIDC XID_Start XIDS`;

/** Every General_Category value, short name and long. */
const CATEGORIES = `L Letter LC Cased_Letter Lu Uppercase_Letter Ll Lowercase_Letter Lt
  Titlecase_Letter Lm Modifier_Letter Lo Other_Letter M Mark Mn Nonspacing_Mark Mc
  Spacing_Mark Me Enclosing_Mark N Number Nd Decimal_Number Nl Letter_Number No Other_Number P
  Punctuation Pc Connector_Punctuation Pd Dash_Punctuation Ps Open_Punctuation Pe
  Close_Punctuation Pi Initial_Punctuation Pf Final_Punctuation Po Other_Punctuation S Symbol
  Sm Math_Symbol Sc Currency_Symbol Sk Modifier_Symbol So Other_Symbol Z Separator Zs
  Space_Separator Zl Line_Separator Zp Paragraph_Separator C Other Cc Control Cf Format Cs
  Surrogate Co Private_Use Cn Unassigned`;

/** Scripts, the two with ASCII characters among them, and some of each Unicode since 9. */
const SCRIPTS = `Latin Latn Common Zyyy Inherited Zinh Greek Grek Cyrillic Cyrl Arabic Arab
  Hebrew Hebr Han Hani Hiragana Hira Katakana Kana Devanagari Deva Thai Hangul Hang Ethiopic
  Cherokee Adlam Osage Masaram_Gondi Nushu Soyombo Zanabazar_Square Dogra Gunjala_Gondi Makasar
  Medefaidrin Old_Sogdian Sogdian Elymaic Nandinagari Nyiakeng_Puachue_Hmong Wancho Chorasmian
  Dives_Akuru Khitan_Small_Script Yezidi Cypro_Minoan Old_Uyghur Tangsa Toto Vithkuqi Kawi
  Nag_Mundari`;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Each name as `\p{…}` writes it: gc=, sc=, scx= and their long forms too. */
const NAMES = [
  ...words(BINARY),
  ...words(CATEGORIES).flatMap((v) => [v, `gc=${v}`, `General_Category=${v}`]),
  ...words(SCRIPTS).flatMap((v) => [
    `sc=${v}`,
    `Script=${v}`,
    `scx=${v}`,
    `Script_Extensions=${v}`,
  ]),
];

const ASCII = Array.from({ length: 0x80 }, (_, c) => c);

/*
 * sets.ts reads `\p{…}` as these code points (`\P{…}` as the other ASCII ones), and
 * every code point past ASCII, for the counted-repetition check, which is sound only if each
 * set holds all any engine matches. On ASCII the set is read off V8's RegExp: this checks the
 * reading, every ASCII code point of every name (sets.ts says why ASCII is the
 * same in every engine and Unicode version, and how that was checked).
 */
describe("a Unicode property's ASCII code points", () => {
  it(`are those V8 matches with \\p, the others those it matches with \\P (${NAMES.length} names × 128)`, () => {
    const wrong: string[] = [];
    for (const name of NAMES) {
      const set = asciiPropertyPoints(name);
      expect(set, name).toBeDefined();
      const p = new RegExp(`^\\p{${name}}$`, "u");
      const P = new RegExp(`^\\P{${name}}$`, "u");
      for (const c of ASCII) {
        const text = String.fromCharCode(c);
        if (holds(set!, c) !== p.test(text)) wrong.push(`\\p{${name}} ${c}`);
        if (holds(complement(set!), c) !== P.test(text))
          wrong.push(`\\P{${name}} ${c}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("hold nothing past ASCII (sets.ts adds it all), and are normalized", () => {
    for (const name of NAMES) {
      const set = asciiPropertyPoints(name)!;
      expect(intersection(set, NON_ASCII), name).toEqual([]);
      // sorted, disjoint and not adjacent
      for (let i = 1; i < set.length; i++)
        expect(set[i]! - set[i - 1]!).toBeGreaterThanOrEqual(
          i % 2 === 0 ? 2 : 0,
        );
    }
    expect(NON_ASCII).toEqual([0x80, 0x10ffff]);
  });

  it("reads the ASCII of letters, digits, spaces, controls and scripts", () => {
    expect(asciiPropertyPoints("L")).toEqual([0x41, 0x5a, 0x61, 0x7a]);
    expect(asciiPropertyPoints("Nd")).toEqual([0x30, 0x39]);
    expect(asciiPropertyPoints("Cc")).toEqual([0x00, 0x1f, 0x7f, 0x7f]);
    expect(asciiPropertyPoints("White_Space")).toEqual([
      0x09, 0x0d, 0x20, 0x20,
    ]);
    expect(asciiPropertyPoints("sc=Latn")).toEqual([0x41, 0x5a, 0x61, 0x7a]);
    expect(asciiPropertyPoints("Any")).toEqual([0, 0x7f]);
    for (const none of [
      "Cn",
      "Lo",
      "sc=Han",
      "sc=Grek",
      "scx=Hira",
      "Cs",
      "Co",
    ])
      expect(asciiPropertyPoints(none), none).toEqual([]);
  });

  it("gives nothing for a name the engine refuses", () => {
    // properties of strings (`RGI_Emoji`) are the `v` flag's, not `u`'s
    for (const name of ["Bogus", "sc=Nowhere", "", "L}|x", "l", "RGI_Emoji"])
      expect(asciiPropertyPoints(name), name).toBeUndefined();
  });
});
