//! Articles by month, for a search's histogram and an entity's mentions over time: read from
//! the `published` facet (year, then month below it), so it counts the whole result set.

use crate::error::Error;
use crate::index::{Index, SearchRequest};

/// Most years a timeline spans; older years are left out.
const MAX_YEARS: usize = 50;

/// How many articles `request` matches in each month, oldest first, as ("2024-03", count);
/// months without articles between the first and the last are there with 0.
pub(crate) fn months(index: &Index, request: &SearchRequest) -> Result<Vec<(String, u64)>, Error> {
    let counting = |facets: Vec<String>| SearchRequest {
        facets,
        limit: 0,
        offset: 0,
        facet_limit: MAX_YEARS.max(12),
        ..request.clone()
    };
    let years = index.search(&counting(vec!["published".into()]))?;
    let mut years: Vec<String> = years
        .facets
        .into_iter()
        .flat_map(|f| f.values)
        .map(|(year, _)| year)
        .filter(|year| year.len() == 4)
        .collect();
    years.truncate(MAX_YEARS);
    if years.is_empty() {
        return Ok(Vec::new());
    }
    let by_year = index.search(&counting(
        years.iter().map(|y| format!("published/{y}")).collect(),
    ))?;
    let mut counted: Vec<(String, u64)> = by_year
        .facets
        .into_iter()
        .flat_map(|f| f.values)
        .filter_map(|(path, n)| {
            let (year, month) = path.split_once('/')?;
            Some((format!("{year}-{month}"), n))
        })
        .collect();
    counted.sort();
    Ok(fill_gaps(counted))
}

/// `counted` (sorted "YYYY-MM") with the missing months between its ends at 0.
fn fill_gaps(counted: Vec<(String, u64)>) -> Vec<(String, u64)> {
    let parse = |m: &str| -> Option<i32> {
        let (y, mo) = m.split_once('-')?;
        Some(y.parse::<i32>().ok()? * 12 + mo.parse::<i32>().ok()? - 1)
    };
    let (Some(first), Some(last)) = (
        counted.first().and_then(|(m, _)| parse(m)),
        counted.last().and_then(|(m, _)| parse(m)),
    ) else {
        return counted;
    };
    (first..=last)
        .map(|at| {
            let month = format!("{:04}-{:02}", at.div_euclid(12), at.rem_euclid(12) + 1);
            let n = counted
                .iter()
                .find(|(m, _)| *m == month)
                .map_or(0, |(_, n)| *n);
            (month, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_months_are_zero_across_a_year_end() {
        let filled = fill_gaps(vec![("2023-11".into(), 2), ("2024-02".into(), 5)]);
        let months: Vec<&str> = filled.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(months, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(filled[1].1, 0);
    }
}
