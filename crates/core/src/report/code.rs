//! Every problem code of the import in one table: the enum `Code`, its stable string (`as_str`, what reports
//! export and tools match on) and what each means. docs/data-format.md lists the same codes
//! (`tests/import_codes.rs` keeps the two in step).

use std::fmt;

/// Defines `Code` with one variant per `Variant = "code-string"` line, `Code::ALL` and `Code::as_str`.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $text:literal,)*) => {
        /// What kind of problem a `Problem` is. The string form (`as_str`) is stable: exports of reports,
        /// scripts and tests match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/data-format.md.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code, e.g. `"duplicate-id"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    /// The file is empty or only whitespace.
    FileEmpty = "file-empty",
    /// The file is over the size limit.
    FileTooLarge = "file-too-large",
    /// The file is not UTF-8 (with line, column and byte offset), or is UTF-16.
    NotUtf8 = "not-utf8",
    /// Lists and objects nest deeper than the depth limit.
    NestingTooDeep = "nesting-too-deep",
    /// Malformed JSON (with line and column).
    JsonSyntax = "json-syntax",
    /// The file holds a list, a string, ... instead of an object.
    TopLevelNotObject = "top-level-not-object",
    /// A section over the record limit, or a u16-indexed list full.
    TooManyRecords = "too-many-records",
    /// `format_version` with a major version other than 1.
    UnsupportedVersion = "unsupported-version",
    /// No `meta.format_version`.
    VersionMissing = "version-missing",
    /// `format_version` not `MAJOR.MINOR`.
    VersionInvalid = "version-invalid",
    /// Format 1.x with x > 1.
    VersionNewerMinor = "version-newer-minor",
    /// Taxonomy or regions absent (built-in used), or actors or projects absent.
    SectionMissing = "section-missing",
    /// A top-level section appears twice.
    DuplicateSection = "duplicate-section",
    /// A key appears twice in one object (the later value is used).
    DuplicateKey = "duplicate-key",
    /// A list entry is not an object.
    RecordNotObject = "record-not-object",
    /// `id` missing, `null` or empty.
    MissingId = "missing-id",
    /// A second record with the same id.
    DuplicateId = "duplicate-id",
    /// An id with spaces around it.
    IdWhitespace = "id-whitespace",
    /// A required name (or a project's title) missing or empty.
    MissingName = "missing-name",
    /// Another required field missing, or a `meta` field or a participant's actor missing.
    MissingField = "missing-field",
    /// A required or optional field of the wrong type.
    WrongType = "wrong-type",
    /// A required or optional string over the length limit.
    StringTooLong = "string-too-long",
    /// An actor `kind` not in the list.
    UnknownKind = "unknown-kind",
    /// A region `state` not BE/BB, or a `size`, `status` or `role` not in its list.
    UnknownValue = "unknown-value",
    /// A project's `end` before its `start`.
    EndBeforeStart = "end-before-start",
    /// A project year outside 1900-2200, or an implausible `founded` or `reference_year`.
    YearOutOfRange = "year-out-of-range",
    /// A volume that is negative or above 10 billion EUR.
    VolumeInvalid = "volume-invalid",
    /// A volume with cents.
    VolumeRounded = "volume-rounded",
    /// Only one coordinate, or not WGS84 degrees.
    CoordinatesInvalid = "coordinates-invalid",
    /// Latitude and longitude look swapped.
    CoordinatesSwapped = "coordinates-swapped",
    /// A point more than 5 km outside Berlin-Brandenburg.
    OutsideBerlinBrandenburg = "outside-berlin-brandenburg",
    /// The point lies in another region than `location.region`.
    RegionMismatch = "region-mismatch",
    /// A region key not in the basemap (regions) or not in `regions` (actors).
    UnknownRegion = "unknown-region",
    /// A reference to no known technology.
    UnknownTechnology = "unknown-technology",
    /// A reference to no known sector.
    UnknownSector = "unknown-sector",
    /// A participant or link end that is no actor.
    UnknownActor = "unknown-actor",
    /// The same actor twice in one project.
    DuplicateParticipant = "duplicate-participant",
    /// A website that is not an http(s) URL.
    WebsiteNotHttp = "website-not-http",
    /// `updated` or `meta.date` not `YYYY-MM-DD`.
    DateInvalid = "date-invalid",
    /// A link kind missing or not in the list.
    UnknownLinkKind = "unknown-link-kind",
    /// A link from an actor to itself.
    SelfLink = "self-link",
    /// A repeated link, or the reverse of a partnership.
    DuplicateLink = "duplicate-link",
    /// A field or section this version does not know (once per field name and section).
    UnknownField = "unknown-field",
    /// A text in one language only (once per field and section).
    LanguageFilled = "language-filled",
    /// A `meta.contact` address that is not an http(s) or mailto URL, or an unknown key in it.
    ContactInvalid = "contact-invalid",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
