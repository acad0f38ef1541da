//! Search keys: `fold` turns a name or a query into lowercase text without diacritics and with single spaces.
//!
//! Both sides of a search are folded the same way, so "universitat" and "UNIVERSITÄT" find "Universität" and
//! "strasse" finds "Straße". Umlauts fold to the bare vowel (ä → a), and so does the German transcription
//! ("ae" → a, "oe" → o, "ue" → u), so "mueller" finds "Müller" and "Mueller" alike.

/// Lowercases, strips diacritics (ä→a, é→e, ł→l, ß→ss, æ→ae, ...), turns every run of whitespace into one
/// space and trims the ends.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// `fold` appending to `out` (no allocation when `out` has room).
pub fn fold_into(s: &str, out: &mut String) {
    // Start as if after a space so leading whitespace is dropped.
    let mut pending_space = false;
    let start_len = out.len();
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > start_len;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lc in c.to_lowercase() {
            match strip(lc) {
                Fold::Char(b) => out.push(b),
                Fold::Str(t) => out.push_str(t),
                Fold::Drop => {}
                Fold::Keep => out.push(lc),
            }
        }
    }
    transliterate_vowels(out, start_len);
}

/// German transliteration: "ae", "oe" and "ue" (how "ä", "ö", "ü" are written without umlauts) become "a",
/// "o", "u", so "mueller" finds "Müller" and "muller" finds "Mueller". Applied to names and queries alike,
/// on the folded text from byte `from` on.
fn transliterate_vowels(out: &mut String, from: usize) {
    let tail = &out[from..];
    if !(tail.contains("ae") || tail.contains("oe") || tail.contains("ue")) {
        return;
    }
    let mut folded = String::with_capacity(tail.len());
    let mut chars = tail.chars().peekable();
    while let Some(c) = chars.next() {
        folded.push(c);
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    out.truncate(from);
    out.push_str(&folded);
}

enum Fold {
    Char(char),
    Str(&'static str),
    Drop,
    Keep,
}

/// The base letter of a lowercase Latin letter with a diacritic. Covers Latin-1, Latin Extended-A, the
/// Vietnamese letters and the letters Unicode decomposition leaves alone (ı, đ, ð, ħ, ł, ø, ŧ, and æ, œ, ß, þ,
/// ĳ as two letters), so "lodz" finds "Łódź", "dorde" "Đorđe" and "orsted" "Ørsted".
fn strip(c: char) -> Fold {
    let b = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ǻ' | '\u{1ea0}'..='\u{1eb7}' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | '\u{1eb8}'..='\u{1ec7}' => 'e',
        'ƒ' => 'f',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | '\u{1ec8}'..='\u{1ecb}' => 'i',
        'ĵ' | 'ǰ' => 'j',
        'ķ' | 'ǩ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' | 'ǹ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ơ' | 'ǿ' | '\u{1ecc}'..='\u{1ee3}' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ư' | '\u{1ee4}'..='\u{1ef1}' => {
            'u'
        }
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | '\u{1ef2}'..='\u{1ef9}' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ĳ' => return Fold::Str("ij"),
        'ǽ' => return Fold::Str("ae"),
        'ß' | 'ẞ' => return Fold::Str("ss"),
        'æ' => return Fold::Str("ae"),
        'œ' => return Fold::Str("oe"),
        'þ' => return Fold::Str("th"),
        // Combining marks (text in decomposed form, "a\u{308}"): drop them, keeping the base letter.
        '\u{300}'..='\u{36f}' => return Fold::Drop,
        // Typographic dashes and quotes fold to their ASCII forms, so "Brandenburg–Berlin" finds "-".
        '\u{2010}'..='\u{2015}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201a}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        _ => return Fold::Keep,
    };
    Fold::Char(b)
}

/// True when `c` belongs to a word (letters and digits); a search match at the start of a word ranks first.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_umlauts_sharp_s_and_accents() {
        assert_eq!(fold("Universität"), "universitat");
        assert_eq!(fold("UNIVERSITÄT"), "universitat");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("STRASSE"), "strasse");
        assert_eq!(fold("Café Éclair"), "cafe eclair");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Ørsted Æble Œuvre"), "orsted able ouvre");
        assert_eq!(fold("Märkisch-Oderland"), "markisch-oderland");
        assert_eq!(fold("Neiße"), "neisse");
    }

    #[test]
    fn german_transliteration_and_letters_decomposition_leaves_alone() {
        assert_eq!(fold("Müller"), fold("mueller"));
        assert_eq!(fold("Mueller"), fold("muller"));
        assert_eq!(fold("Straße"), fold("strasse"));
        assert_eq!(fold("Göttingen"), fold("goettingen"));
        assert_eq!(fold("Bär"), fold("baer"));
        // Letters Unicode decomposition leaves alone.
        assert_eq!(fold("Kırıkkale"), "kirikkale");
        assert_eq!(fold("Đorđe"), "dorde");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Søren"), "soren");
        // Their capitals, and upper-case text.
        assert_eq!(fold("ŁÓDŹ"), "lodz");
        assert_eq!(fold("ĐORĐE"), "dorde");
        assert_eq!(fold("ØRSTED"), "orsted");
        assert_eq!(fold("İSTANBUL"), "istanbul");
        assert_eq!(fold("ÞÓRSHÖFN"), fold("thorshofn"));
        assert_eq!(fold("Ħamrun"), "hamrun");
        assert_eq!(fold("ĲSSELMEER"), "ijsselmeer");
        assert_eq!(fold("Æble"), fold("aeble"));
        assert_eq!(fold("Œuvre"), fold("oeuvre"));
    }

    #[test]
    fn vietnamese_letters_fold_to_their_base() {
        assert_eq!(fold("Nguyễn Thị Bích Phượng"), "nguyen thi bich phuong");
        assert_eq!(fold("ĐẶNG ỨNG ỶẼ"), "dang ung ye");
    }

    #[test]
    fn collapses_and_trims_whitespace() {
        assert_eq!(
            fold("  Technische \t Universität\n Berlin  "),
            "technische universitat berlin"
        );
        assert_eq!(fold("   "), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn decomposed_marks_are_dropped() {
        assert_eq!(fold("Universita\u{308}t"), "universitat");
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(fold("ΑΘΉΝΑ"), "αθήνα");
        assert_eq!(fold("Москва"), "москва");
    }

    #[test]
    fn fold_into_appends() {
        let mut s = String::from("x\n");
        fold_into(" Äb ", &mut s);
        assert_eq!(s, "x\nab");
    }
}
