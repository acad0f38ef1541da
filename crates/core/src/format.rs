//! Numbers and money as a visitor reads them, per interface language.
//!
//! German: "68,9 Mio. €", "50.000"; English: "€68.9M", "50,000". Kept here so the app, charts and exports agree.

use crate::model::{Eur, Lang};

/// An integer with thousands separators ("50.000" / "50,000").
pub fn int(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::De => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number with one decimal, in the language's decimal mark.
fn one_decimal(x: f64, lang: Lang) -> String {
    let s = format!("{:.1}", x);
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Money, compact: "68,9 Mio. €" / "€68.9M"; thousands as "450 Tsd. €" / "€450K"; below that in full.
pub fn eur_compact(v: Eur, lang: Lang) -> String {
    let x = v.0 as f64;
    match lang {
        Lang::De if x >= 1e9 => format!("{} Mrd. €", one_decimal(x / 1e9, lang)),
        Lang::De if x >= 1e6 => format!("{} Mio. €", one_decimal(x / 1e6, lang)),
        Lang::De if x >= 1e4 => format!("{} Tsd. €", int((x / 1e3).round() as u64, lang)),
        Lang::De => format!("{} €", int(v.0, lang)),
        Lang::En if x >= 1e9 => format!("€{}B", one_decimal(x / 1e9, lang)),
        Lang::En if x >= 1e6 => format!("€{}M", one_decimal(x / 1e6, lang)),
        Lang::En if x >= 1e4 => format!("€{}K", int((x / 1e3).round() as u64, lang)),
        Lang::En => format!("€{}", int(v.0, lang)),
    }
}

/// Money in full: "1.250.000 €" / "€1,250,000".
pub fn eur_full(v: Eur, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{} €", int(v.0, lang)),
        Lang::En => format!("€{}", int(v.0, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_volume_in_both_languages() {
        assert_eq!(eur_compact(Eur(68_900_000), Lang::De), "68,9 Mio. €");
        assert_eq!(eur_compact(Eur(68_900_000), Lang::En), "€68.9M");
        assert_eq!(eur_compact(Eur(450_000), Lang::De), "450 Tsd. €");
        assert_eq!(eur_compact(Eur(450_000), Lang::En), "€450K");
        assert_eq!(eur_compact(Eur(1_200_000_000), Lang::En), "€1.2B");
        assert_eq!(eur_compact(Eur(950), Lang::De), "950 €");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(int(50_000, Lang::De), "50.000");
        assert_eq!(int(50_000, Lang::En), "50,000");
        assert_eq!(int(999, Lang::En), "999");
        assert_eq!(int(1_234_567, Lang::De), "1.234.567");
        assert_eq!(eur_full(Eur(1_250_000), Lang::De), "1.250.000 €");
    }
}
