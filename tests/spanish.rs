//! Spanish articles end to end: their figures read with Spanish scales, separators, number
//! words, qualifiers and units, and their facts with Spanish verbs; an English article's
//! numbers stay read the English way.

mod common;

use dossier::{Action, Article, Label, Value};

/// One figure as the tagger gives it: (mention, value, value_max, unit, qualifier).
type Figure = (
    String,
    f64,
    Option<f64>,
    Option<String>,
    Option<&'static str>,
);

/// Every figure the tagger finds in `text`.
fn figures(text: &str) -> Vec<Figure> {
    common::figures_in(text)
        .iter()
        .filter_map(|e| {
            Some((
                text[e.start..e.end].to_string(),
                e.number()?,
                e.value_max,
                e.unit.as_deref().map(str::to_string),
                e.qualifier.map(|q| q.as_str()),
            ))
        })
        .collect()
}

/// The figure whose mention is `mention` in `text`.
fn figure(text: &str, mention: &str) -> Figure {
    let found = figures(text);
    found
        .iter()
        .find(|f| f.0 == mention)
        .cloned()
        .unwrap_or_else(|| panic!("no figure {mention:?} in {found:?}"))
}

/// (figure mention, action) of every fact of `text`.
fn actions(text: &str) -> Vec<(String, Option<Action>)> {
    let tagged = common::tagger().annotate(Article::new(text));
    tagged
        .facts
        .iter()
        .map(|f| (text[f.start..f.end].to_string(), f.action))
        .collect()
}

#[test]
fn spanish_scales_multiply() {
    let text = "En el operativo, los militares aseguraron casi 800 mil tabletas de metanfetamina \
                y la fiscalía calculó que el cártel obtuvo 3 mil millones de pesos por la venta.";
    let f = figure(text, "800 mil");
    assert_eq!(
        (f.1, f.3.as_deref(), f.4),
        (8e5, Some("tableta"), Some("nearly"))
    );
    let f = figure(text, "3 mil millones de pesos");
    assert_eq!(f.1, 3e9);
    let text =
        "La deuda del gobierno llegó a 2 billones de pesos, según el informe de la secretaría.";
    assert_eq!(figure(text, "2 billones de pesos").1, 2e12);
}

#[test]
fn thousands_with_a_remainder_are_one_figure() {
    let text = "Los agentes decomisaron mil 430 kilos de cocaína y 3 mil 250 litros de precursores \
                en el puerto de Lázaro Cárdenas.";
    let f = figure(text, "mil 430 kilos");
    assert_eq!((f.1, f.3.as_deref()), (1430.0, Some("kg")));
    let f = figure(text, "3 mil 250 litros");
    assert_eq!((f.1, f.3.as_deref()), (3250.0, Some("l")));
}

#[test]
fn spanish_separators_in_a_spanish_article() {
    let text = "La policía incautó 2,5 millones de dosis y 1.200 kilos de marihuana en la frontera \
                con Guatemala, y la aduana retuvo otros 1.8 millones de pesos en efectivo.";
    let f = figure(text, "2,5 millones");
    assert_eq!((f.1, f.3.as_deref()), (2.5e6, Some("dosis")));
    assert_eq!(figure(text, "1.200 kilos").1, 1200.0);
    assert_eq!(figure(text, "1.8 millones de pesos").1, 1.8e6);
    assert!(
        !figures(text).iter().any(|f| f.1 == 5e6 || f.1 == 2.0),
        "{:?}",
        figures(text)
    );
}

#[test]
fn english_separators_in_an_english_article() {
    let text = "Customs officers seized 1,500 rifles and 1.5 tonnes of cocaine in the port.";
    assert_eq!(figure(text, "1,500").1, 1500.0);
    let f = figure(text, "1.5 tonnes");
    assert_eq!((f.1, f.3.as_deref()), (1.5, Some("t")));
    // "once" is English here, not eleven.
    let text = "The cartel was once the largest supplier of the eastern market.";
    assert!(figures(text).is_empty(), "{:?}", figures(text));
}

#[test]
fn the_day_of_a_spanish_date_is_not_a_count() {
    let text = "Los marinos aseguraron 300 kilos de cocaína el 2 de marzo de 2024 en Manzanillo.";
    let found = figures(text);
    assert!(!found.iter().any(|f| f.0 == "2"), "{found:?}");
    assert_eq!(figure(text, "300 kilos").1, 300.0);
}

#[test]
fn spanish_dates_are_read_with_their_day_month_and_year() {
    let text = "El 12 de marzo de 2024 la Marina aseguró 300 kilos de cocaína; el 3 de febrero \
                detuvo a 40 personas.";
    let mut article = Article::new(text);
    article.published = Some("2024-03-14".into());
    let tagged = common::tagger().annotate(article);
    let dates: Vec<_> = tagged
        .entities
        .iter()
        .filter(|e| e.label == Label::DATE)
        .map(|e| (&text[e.start..e.end], e.value.clone()))
        .collect();
    assert_eq!(
        dates,
        [
            (
                "12 de marzo de 2024",
                Some(Value::Date("2024-03-12".into()))
            ),
            ("3 de febrero", Some(Value::Date("2024-02-03".into()))),
        ]
    );
    let period = tagged.facts[0].period.as_ref().and_then(|p| p.days);
    assert!(period.is_some(), "the seizure takes its date as period");
}

#[test]
fn asegurar_que_claims_and_asegurar_seizes() {
    let said = actions("El fiscal asegura que 40 personas fueron detenidas en Sonora.");
    assert_eq!(said, [("40".to_string(), Some(Action::Arrested))]);
    let seized = actions("La Marina aseguró 40 armas en Sonora.");
    assert_eq!(seized, [("40".to_string(), Some(Action::Seized))]);
}

#[test]
fn spanish_masses_are_compared_in_kilograms() {
    let text = "La Marina aseguró 1,5 toneladas de cocaína y 250 gramos de fentanilo en la lancha.";
    let tagged = common::tagger().annotate(Article::new(text));
    let base = |mention: &str| {
        tagged
            .facts
            .iter()
            .find(|f| &text[f.start..f.end] == mention)
            .and_then(|f| f.value_base)
    };
    assert_eq!(base("1,5 toneladas"), Some(1500.0));
    assert_eq!(base("250 gramos"), Some(0.25));
}

#[test]
fn spanish_number_words() {
    let text = "Los soldados detuvieron a treinta y cinco personas y hallaron doscientas armas \
                y dos mil quinientos cartuchos en la bodega.";
    let f = figure(text, "treinta y cinco");
    assert_eq!((f.1, f.3.as_deref()), (35.0, Some("persona")));
    assert_eq!(figure(text, "doscientas").1, 200.0);
    assert_eq!(figure(text, "dos mil quinientos").1, 2500.0);
    // "un" and "una" alone are articles; with a scale or a measure they count.
    let text =
        "Un hombre fue detenido con una tonelada de cocaína y un millón de pesos en la casa.";
    let found = figures(text);
    assert!(!found.iter().any(|f| f.0 == "Un"), "{found:?}");
    assert_eq!(figure(text, "una tonelada").1, 1.0);
    assert_eq!(figure(text, "un millón de pesos").1, 1e6);
}

#[test]
fn spanish_qualifiers_and_ranges() {
    let text = "La marina aseguró más de 600 kilos de cocaína a unas 150 millas náuticas de la \
                costa, y se calcula que el grupo vendía entre 20 y 30 kilos por semana; hubo \
                alrededor de 40 detenidos y poco más de 12 heridos.";
    let f = figure(text, "600 kilos");
    assert_eq!(
        (f.1, f.3.as_deref(), f.4),
        (600.0, Some("kg"), Some("over"))
    );
    let f = figure(text, "150 millas náuticas");
    assert_eq!((f.3.as_deref(), f.4), (Some("nmi"), Some("about")));
    let f = figure(text, "20 y 30 kilos");
    assert_eq!((f.1, f.2), (20.0, Some(30.0)));
    assert_eq!(figure(text, "40").4, Some("about"));
    assert_eq!(figure(text, "12").4, Some("over"));
}

#[test]
fn spanish_verbs_give_the_action() {
    let text = "Los agentes decomisaron 300 kilos de cocaína en el puerto. Los sicarios \
                asesinaron a 12 personas en la comunidad. Un juez sentenció a 4 integrantes del \
                cártel. La banda trasladaba 80 armas en una camioneta.";
    let found = actions(text);
    let action = |mention: &str| found.iter().find(|(m, _)| m == mention).and_then(|f| f.1);
    assert_eq!(action("300 kilos"), Some(Action::Seized), "{found:?}");
    assert_eq!(action("12"), Some(Action::Killed), "{found:?}");
    assert_eq!(action("4"), Some(Action::Sentenced), "{found:?}");
    assert_eq!(action("80"), Some(Action::Trafficked), "{found:?}");
}
