//! A small well-formedness check for the SVG the charts draw (tests only; no XML crate in the tree, the
//! browser tests parse with DOMParser): tags nest and close, attributes are quoted, `&` starts an entity, no
//! `<` inside text or attribute values. It returns every element with its attribute names, in order.

/// One element of a checked SVG: its name and its attributes' names.
pub struct Tag {
    pub name: String,
    pub attributes: Vec<String>,
}

/// Panics unless `svg` is well-formed; returns its elements in document order.
pub fn assert_well_formed(svg: &str) -> Vec<Tag> {
    let b = svg.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut tags = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let end = i + svg[i..].find('>').expect("unclosed tag");
                let tag = &svg[i + 1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    assert_eq!(stack.pop().as_deref(), Some(name.trim()), "mismatched </{name}>");
                } else if !tag.starts_with('?') && !tag.starts_with('!') {
                    let parsed = open_tag(tag);
                    if !tag.ends_with('/') {
                        stack.push(parsed.name.clone());
                    }
                    tags.push(parsed);
                }
                i = end + 1;
            }
            b'&' => {
                let end = svg[i..].find(';').expect("& without ;");
                let ent = &svg[i + 1..i + end];
                assert!(
                    ["lt", "gt", "amp", "quot", "apos"].contains(&ent) || ent.starts_with('#'),
                    "bad entity &{ent};"
                );
                i += end + 1;
            }
            c => {
                assert!(c >= 0x20 || c == b'\n' || c == b'\t' || c == b'\r', "control byte {c}");
                i += 1;
            }
        }
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
    tags
}

/// The inside of an opening tag (`name a="v" b="w"`, maybe ending in `/`): name="value" pairs with no raw `<`
/// or `"` in a value.
fn open_tag(tag: &str) -> Tag {
    let body = tag.trim_end_matches('/');
    let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
    assert!(
        name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
        "bad tag name {name:?}"
    );
    let mut attributes = Vec::new();
    let mut rest = &body[name.len()..];
    while let Some(eq) = rest.find('=') {
        assert_eq!(&rest[eq + 1..eq + 2], "\"", "unquoted attribute in <{tag}>");
        attributes.push(rest[..eq].trim().to_string());
        let close = rest[eq + 2..].find('"').expect("unclosed attribute");
        let value = &rest[eq + 2..eq + 2 + close];
        assert!(!value.contains('<'), "raw < in attribute {value:?}");
        rest = &rest[eq + 2 + close + 1..];
    }
    Tag { name, attributes }
}
