//! The AWS shared config and credentials files (`~/.aws/config`, `~/.aws/credentials`).
//!
//! Both are INI-like files of named sections holding `key = value` properties.
//! They differ in how a section names a profile:
//!
//! | file        | profile `default`                   | profile `dev`   | ignored                         |
//! |-------------|-------------------------------------|-----------------|---------------------------------|
//! | credentials | `[default]`                         | `[dev]`         | nothing                         |
//! | config      | `[default]` or `[profile default]`  | `[profile dev]` | `[dev]`, `[sso-session x]`, ... |
//!
//! Lines whose first non-blank character is `#` or `;` are comments, and so is
//! the rest of a property line from a `#` or `;` that follows a blank (a secret
//! key may contain neither a blank nor, before one, those characters, so this
//! never cuts a real value). Keys are compared without regard to case; keys and
//! values are trimmed. A line that starts with a blank continues the property
//! above it (the form AWS uses for nested settings such as `s3 =`), so an
//! indented `aws_secret_access_key = …` is not a key of its own, just as in the
//! AWS SDKs. Properties before the first section, lines without `=` and
//! malformed section headers are skipped (a malformed header also ends the
//! section above it, so its lines are not taken for another profile's).
//! Sections that occur twice are merged, later properties winning.

use std::collections::HashMap;

/// A profile's properties, keys in lower case.
pub(crate) type Properties = HashMap<String, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Config,
    Credentials,
}

/// The profiles defined in one file's text.
pub(crate) fn parse(text: &str, kind: FileKind) -> HashMap<String, Properties> {
    let mut profiles: HashMap<String, Properties> = HashMap::new();
    let mut section: Option<String> = None;
    let mut last_key: Option<String> = None;
    for raw in text.lines() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if trimmed.starts_with('[') {
            last_key = None;
            section = header_profile(trimmed, kind);
            if let Some(name) = &section {
                profiles.entry(name.clone()).or_default();
            }
            continue;
        }
        let Some(name) = &section else { continue };
        let Some(properties) = profiles.get_mut(name) else { continue };
        if line.starts_with([' ', '\t']) {
            // A continuation of the property above.
            if let Some(value) = last_key.as_ref().and_then(|key| properties.get_mut(key)) {
                value.push('\n');
                value.push_str(strip_comment(trimmed).trim_end());
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            last_key = None;
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() {
            last_key = None;
            continue;
        }
        properties.insert(key.clone(), strip_comment(value).trim().to_string());
        last_key = Some(key);
    }
    profiles
}

/// The profile a section header names, if it names one in this kind of file.
fn header_profile(line: &str, kind: FileKind) -> Option<String> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let after = inner[close + 1..].trim();
    if !(after.is_empty() || after.starts_with('#') || after.starts_with(';')) {
        return None;
    }
    let name = inner[..close].trim();
    if name.is_empty() {
        return None;
    }
    match kind {
        FileKind::Credentials => Some(name.to_string()),
        FileKind::Config => {
            if name == "default" {
                return Some(name.to_string());
            }
            let rest = name.strip_prefix("profile")?;
            // "profile" must be followed by blanks, then the name.
            if !rest.starts_with([' ', '\t']) {
                return None;
            }
            let profile = rest.trim();
            (!profile.is_empty()).then(|| profile.to_string())
        }
    }
}

/// The value without a comment that starts after a blank (not trimmed).
fn strip_comment(value: &str) -> &str {
    let bytes = value.as_bytes();
    for i in 1..bytes.len() {
        if matches!(bytes[i], b'#' | b';') && matches!(bytes[i - 1], b' ' | b'\t') {
            return &value[..i];
        }
    }
    value
}

/// The properties of `profile` from both files, those of the credentials file
/// winning; `None` if neither file defines the profile.
pub(crate) fn merged(config: Option<&str>, credentials: Option<&str>, profile: &str) -> Option<Properties> {
    let mut found = false;
    let mut properties = Properties::new();
    for (text, kind) in [(config, FileKind::Config), (credentials, FileKind::Credentials)] {
        if let Some(section) = text.map(|t| parse(t, kind)).and_then(|mut all| all.remove(profile)) {
            found = true;
            properties.extend(section);
        }
    }
    found.then_some(properties)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_file_profiles_comments_and_whitespace() {
        let text = "\
# leading comment
stray = ignored

[default]
aws_access_key_id=AKIDDEFAULT
aws_secret_access_key = secret/with+chars== # comment after a blank
  ; indented comment line
aws_session_token =\ttoken;with;semicolons\t

\t[ dev ]   ; comment after the header
AWS_ACCESS_KEY_ID = AKIDDEV\r
Aws_Secret_Access_Key =  devsecret#not-a-comment  \r
[profile prod]
aws_access_key_id = AKIDPROD
[]
lost = true
[dev]
region = eu-west-1
";
        let profiles = parse(text, FileKind::Credentials);
        let default = &profiles["default"];
        assert_eq!(default["aws_access_key_id"], "AKIDDEFAULT");
        assert_eq!(default["aws_secret_access_key"], "secret/with+chars==");
        assert_eq!(default["aws_session_token"], "token;with;semicolons");
        assert!(!default.contains_key("stray"));
        let dev = &profiles["dev"];
        assert_eq!(dev["aws_access_key_id"], "AKIDDEV");
        assert_eq!(dev["aws_secret_access_key"], "devsecret#not-a-comment");
        assert_eq!(dev["region"], "eu-west-1", "a repeated section adds to the first");
        // In the credentials file the section name is taken as written.
        assert_eq!(profiles["profile prod"]["aws_access_key_id"], "AKIDPROD");
        assert!(!profiles.values().any(|p| p.contains_key("lost")), "{profiles:?}");
    }

    #[test]
    fn config_file_section_names() {
        let text = "\
[default]
region = us-east-1
[profile dev]
aws_access_key_id = AKIDDEV
[profile\tspaced  ]
aws_access_key_id = AKIDSPACED
[dev]
aws_access_key_id = NOT-A-PROFILE-IN-CONFIG
[profiledev]
aws_access_key_id = NOT-A-PROFILE-EITHER
[sso-session corp]
sso_region = us-east-1
[profile default]
output = json
";
        let profiles = parse(text, FileKind::Config);
        assert_eq!(profiles["default"]["region"], "us-east-1");
        assert_eq!(profiles["default"]["output"], "json");
        assert_eq!(profiles["dev"]["aws_access_key_id"], "AKIDDEV");
        assert_eq!(profiles["spaced"]["aws_access_key_id"], "AKIDSPACED");
        assert_eq!(profiles.len(), 3, "{profiles:?}");
    }

    #[test]
    fn continuation_lines_belong_to_the_property_above() {
        let text = "\
[default]
s3 =
  max_concurrent_requests = 20
  aws_secret_access_key = nested
aws_access_key_id = AKID
";
        let profiles = parse(text, FileKind::Credentials);
        let default = &profiles["default"];
        assert_eq!(default["s3"], "\nmax_concurrent_requests = 20\naws_secret_access_key = nested");
        assert!(!default.contains_key("aws_secret_access_key"));
        assert_eq!(default["aws_access_key_id"], "AKID");
    }

    #[test]
    fn credentials_file_wins_over_config_file() {
        let config = "[profile dev]\naws_access_key_id = FROMCONFIG\nregion = us-west-2\n";
        let credentials = "[dev]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = s\n";
        let dev = merged(Some(config), Some(credentials), "dev").unwrap();
        assert_eq!(dev["aws_access_key_id"], "FROMCREDENTIALS");
        assert_eq!(dev["aws_secret_access_key"], "s");
        assert_eq!(dev["region"], "us-west-2");
        assert!(merged(Some(config), Some(credentials), "other").is_none());
        assert!(merged(None, None, "dev").is_none());
        // A profile with an empty section still exists.
        assert_eq!(merged(Some("[profile dev]\n"), None, "dev"), Some(Properties::new()));
    }

    #[test]
    fn comments_need_a_blank_before_them() {
        assert_eq!(strip_comment("abc # x"), "abc ");
        assert_eq!(strip_comment("abc\t; x"), "abc\t");
        assert_eq!(strip_comment("abc#x;y"), "abc#x;y");
        assert_eq!(strip_comment(" #x"), " ");
        assert_eq!(strip_comment(""), "");
        let profiles = parse("[default]\nkey = # only a comment\n", FileKind::Credentials);
        assert_eq!(profiles["default"]["key"], "");
    }
}
