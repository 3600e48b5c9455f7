//! The gold annotation format of `tests/gold/` (see its GUIDELINES.md): a header, `---`, then
//! text with `[[mention|LABEL|key=value…]]` markup. Parsing gives the plain article and its
//! gold mentions in code point offsets.

use std::fs;
use std::path::{Path, PathBuf};

use super::Mention;
use crate::article::Article;
use crate::error::Error;

/// One annotated file: its name, the plain article and the gold mentions.
pub type Annotated = (String, Article, Vec<Mention>);

/// Parses every annotated `.txt` file of `dir`, in name order.
pub fn read_dir(dir: &Path) -> Result<Vec<Annotated>, Error> {
    let listing = fs::read_dir(dir).map_err(|e| Error::io(dir, "cannot read", e))?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.display().to_string();
            let content =
                fs::read_to_string(&path).map_err(|e| Error::io(&path, "cannot read", e))?;
            let (article, mentions) = parse(&name, &content)?;
            Ok((name, article, mentions))
        })
        .collect()
}

/// Parses one annotated file; errors name the line.
pub fn parse(name: &str, content: &str) -> Result<(Article, Vec<Mention>), Error> {
    let bad = |line: Option<usize>, reason: String| Error::BadRecord {
        origin: match line {
            Some(line) => format!("{name}:{line}"),
            None => name.to_string(),
        },
        reason,
    };
    let (header, body) = content
        .split_once("\n---\n")
        .ok_or_else(|| bad(None, "no `---` line after the header".to_string()))?;
    let mut article = Article::default();
    for (n, line) in header.lines().enumerate() {
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| bad(Some(n + 1), "expected `key: value`".to_string()))?;
        let value = Some(value.trim().to_string());
        match key.trim() {
            "id" => article.id = value,
            "title" => article.title = value,
            "published" => article.published = value,
            "source" => article.source = value,
            "url" => article.url = value,
            other => return Err(bad(Some(n + 1), format!("unknown header key `{other}`"))),
        }
    }
    let body_line = header.lines().count() + 2;
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut mentions = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("[[") {
        let before = &rest[..open];
        text.push_str(before);
        chars += before.chars().count();
        let line = body_line + body[..body.len() - rest.len() + open].matches('\n').count();
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .ok_or_else(|| bad(Some(line), "`[[` without `]]`".to_string()))?;
        let inner = &after[..close];
        let mut parts = inner.split('|');
        let mention = parts.next().unwrap_or("");
        let label = parts
            .next()
            .filter(|l| !l.is_empty())
            .ok_or_else(|| bad(Some(line), format!("`[[{inner}]]` has no label")))?;
        let mut gold = Mention {
            start: chars,
            end: chars + mention.chars().count(),
            label: label.to_string(),
            value: None,
            unit: None,
            qualifier: None,
        };
        for part in parts {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| bad(Some(line), format!("`{part}` is not key=value")))?;
            match key {
                "value" => gold.value = Some(normalize_value(value)),
                "unit" => gold.unit = Some(value.to_string()),
                "qualifier" => gold.qualifier = Some(value.to_string()),
                "value_max" | "canonical" => {}
                other => return Err(bad(Some(line), format!("unknown key `{other}`"))),
            }
        }
        text.push_str(mention);
        chars = gold.end;
        mentions.push(gold);
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    article.text = text;
    article.ensure_id();
    Ok((article, mentions))
}

/// Numbers compare as numbers ("2500000.0" and "2500000" agree); dates as written.
fn normalize_value(value: &str) -> String {
    match value.parse::<f64>() {
        Ok(n) if !value.contains('-') || value.starts_with('-') => n.to_string(),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text_and_code_point_spans() {
        let content = "id: g1\ntitle: T\n---\nEl “[[Cártel de Sinaloa|ORG]]” seized [[300 kilograms|QUANTITY|value=300|unit=kg]].\n";
        let (article, mentions) = parse("g.txt", content).unwrap();
        assert_eq!(article.id.as_deref(), Some("g1"));
        assert_eq!(
            article.text,
            "El “Cártel de Sinaloa” seized 300 kilograms.\n"
        );
        let chars: Vec<char> = article.text.chars().collect();
        let span = |m: &Mention| chars[m.start..m.end].iter().collect::<String>();
        assert_eq!(span(&mentions[0]), "Cártel de Sinaloa");
        assert_eq!(span(&mentions[1]), "300 kilograms");
        assert_eq!(mentions[1].value.as_deref(), Some("300"));
    }

    #[test]
    fn broken_markup_names_the_line() {
        let err = parse("g.txt", "id: x\n---\nfine\n[[open|ORG\n").unwrap_err();
        assert_eq!(err.to_string(), "g.txt:4: `[[` without `]]`");
    }
}
