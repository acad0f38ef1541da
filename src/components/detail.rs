//! The detail panel: everything about the focused actor or technology, with links to related items.
//!
//! Text from the data is rendered as text; a website becomes a link only for http(s) URLs (import drops
//! anything else), and opens with rel="noopener noreferrer".

use ecomap_core::format;
use ecomap_core::model::{ActorId, ActorKind, Lang, Role, TechnologyId};
use ecomap_core::query::{Focus, ResolvedFocus, View};
use ecomap_core::stats;
use leptos::prelude::*;

use crate::components::legend::KindMark;
use crate::i18n::{kind_name, texts, Texts};
use crate::state::{use_app, AppState, DataRef};

/// How many projects and related actors are listed before "and N more".
const LIST_MAX: usize = 25;

#[component]
pub fn DetailPanel() -> impl IntoView {
    let state = use_app();
    // Partner suggestions stay open from one actor to the next (following a suggestion shows its own).
    let suggest = RwSignal::new(false);
    let t = move || texts(state.lang.get());
    let close = move || state.open(None);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    view! {
        <Show when=move || state.focus.get().is_some()>
            <aside class="detail" data-testid="detail" aria-labelledby="detail-title" on:keydown=on_key>
                <button type="button" class="close" data-testid="detail-close" on:click=move |_| close()
                    aria-label=move || t().detail_close>"×"</button>
                {move || {
                    let d = state.data.get()?;
                    let lang = state.lang.get();
                    Some(match state.focus.get()? {
                        ResolvedFocus::Actor(a) => actor_detail(state, &d, a, lang, suggest).into_any(),
                        ResolvedFocus::Technology(tid) => technology_detail(state, &d, tid, lang).into_any(),
                    })
                }}
            </aside>
        </Show>
    }
}

fn focus_actor(state: AppState, d: &DataRef, a: ActorId) -> impl Fn(web_sys::MouseEvent) + 'static {
    let key = d.0.ds.actor(a).key.clone();
    move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        state.open(Some(Focus::Actor(key.clone())));
    }
}

fn focus_technology(state: AppState, d: &DataRef, tid: TechnologyId) -> impl Fn(web_sys::MouseEvent) + 'static {
    let key = d.0.ds.technology(tid).key.clone();
    move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        state.open(Some(Focus::Technology(key.clone())));
    }
}

fn role_name(role: Role, t: &Texts) -> &'static str {
    match role {
        Role::Lead => t.lead,
        Role::Partner => t.partner,
    }
}

fn actor_detail(state: AppState, d: &DataRef, a: ActorId, lang: Lang, suggest: RwSignal<bool>) -> impl IntoView {
    let t = texts(lang);
    let ds = &d.0.ds;
    let actor = ds.actor(a);
    let region = actor.location.region.map(|r| ds.region(r).name.clone());
    let techs = actor
        .technologies
        .iter()
        .map(|&tid| {
            view! { <li><a href="#" class="chip" on:click=focus_technology(state, d, tid)>{ds.technology(tid).name.get(lang).to_string()}</a></li> }
        })
        .collect_view();
    let sectors = actor
        .sectors
        .iter()
        .map(|&s| ds.sector(s).name.get(lang).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let projects = d.0.idx.actor_projects(a);
    let mut projects: Vec<_> = projects.to_vec();
    ecomap_core::order::sort_by_key(&mut projects, |&p| {
        std::cmp::Reverse((ds.project(p).end, ds.project(p).volume))
    });
    let more_projects = projects.len().saturating_sub(LIST_MAX);
    let project_rows = projects
        .iter()
        .take(LIST_MAX)
        .map(|&p| {
            let pr = ds.project(p);
            let role = pr
                .participants
                .iter()
                .find(|x| x.actor == a)
                .map(|x| role_name(x.role, t))
                .unwrap_or("");
            view! {
                <li class="project" data-testid="detail-project">
                    <span class="project-title">{pr.title.get(lang).to_string()}</span>
                    <span class="project-meta">
                        {format!("{}–{} · {} · {}", pr.start, pr.end, role, format::eur_compact(pr.volume, lang))}
                        {pr.programme.clone().map(|p| format!(" · {p}"))}
                    </span>
                </li>
            }
        })
        .collect_view();
    let related = d.0.idx.related_actors(a);
    let more_related = related.len().saturating_sub(LIST_MAX);
    let related_rows = related
        .iter()
        .take(LIST_MAX)
        .map(|&(b, shared)| {
            let other = ds.actor(b);
            view! {
                <li><a href="#" on:click=focus_actor(state, d, b)>{other.name.clone()}</a>
                    <span class="muted">{format!(" · {} · {} {}", kind_name(other.kind, lang), shared, t.shared_projects)}</span></li>
            }
        })
        .collect_view();
    let volume = d.0.idx.actor_volume(a);
    let website = actor.website.clone();
    let description = actor.description.get(lang).to_string();
    let provenance = match (&actor.updated, &actor.source) {
        (Some(u), Some(s)) => Some(format!("{} {u} · {}: {s}", t.as_of, t.source)),
        (Some(u), None) => Some(format!("{} {u}", t.as_of)),
        (None, Some(s)) => Some(format!("{}: {s}", t.source)),
        (None, None) => None,
    };
    let fictional = actor.fictional;
    // In a demo that mixes real institutions with invented projects, say which part of a real record is invented.
    let real_note = !fictional && ds.projects.iter().any(|p| p.fictional) && !projects.is_empty();
    view! {
        <header class="detail-head">
            <p class="detail-kind"><KindMark kind=actor.kind/>{kind_name(actor.kind, lang)}</p>
            <h2 id="detail-title" data-testid="detail-title" tabindex="-1">{actor.name.clone()}</h2>
            {fictional.then(|| view! { <p class="badge fictional" data-testid="fictional">{t.fictional}</p> })}
            {real_note.then(|| view! { <p class="badge real">{t.real_record}</p> })}
        </header>
        {(!description.is_empty()).then(|| view! { <p class="description" data-testid="detail-description">{description}</p> })}
        <dl class="facts">
            {(!sectors.is_empty()).then(|| view! { <dt>{t.sectors}</dt><dd>{sectors}</dd> })}
            {region.map(|r| view! { <dt>{t.region}</dt><dd>{r}</dd> })}
            {actor.location.address.clone().map(|ad| view! { <dt>{t.address}</dt><dd>{ad}</dd> })}
            {actor.location.point.is_none().then(|| view! { <dt>{t.region}</dt><dd class="muted">{t.not_on_map}</dd> })}
            {actor.founded.map(|f| view! { <dt>{t.founded}</dt><dd>{f}</dd> })}
            {actor.size.map(|s| view! { <dt>{t.size}</dt><dd>{format!("{} {}", s.key(), t.employees)}</dd> })}
            {website.map(|w| {
                let href = w.clone();
                view! { <dt>{t.website}</dt><dd><a href=href target="_blank" rel="noopener noreferrer" data-testid="website">{w}</a></dd> }
            })}
            <dt>{t.volume}</dt><dd data-testid="detail-volume">{format::eur_compact(volume, lang)}</dd>
        </dl>
        // Partner suggestions (docs/insight.md): computed by the insight worker, loaded only when asked for.
        <button type="button" class="insight-open" data-testid="suggest-partners" aria-expanded=move || suggest.get().to_string()
            on:click=move |_| suggest.update(|s| *s = !*s)>{crate::views::insight::texts::insight_texts(lang).suggest}</button>
        {move || suggest.get().then(|| view! { <crate::views::insight::InsightView what="suggestions"/> })}
        {(!actor.technologies.is_empty()).then(|| view! { <h3>{t.technologies}</h3><ul class="chips">{techs}</ul> })}
        <h3>{format!("{} ({})", t.projects, projects.len())}</h3>
        <ul class="projects">{project_rows}</ul>
        {(more_projects > 0).then(|| view! { <p class="muted">{format!("+ {more_projects}")}</p> })}
        {(!related.is_empty()).then(|| view! { <h3>{t.related}</h3><ul class="related" data-testid="related">{related_rows}</ul> })}
        {(more_related > 0).then(|| view! { <p class="muted">{format!("+ {more_related}")}</p> })}
        {provenance.map(|p| view! { <p class="provenance" data-testid="provenance">{p}</p> })}
    }
}

fn technology_detail(state: AppState, d: &DataRef, tid: TechnologyId, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let ds = &d.0.ds;
    let tech = ds.technology(tid);
    let profile = state
        .selection
        .with(|s| s.as_ref().map(|s| stats::technology_profile(ds, &d.0.idx, tid, &s.0)));
    let Some(profile) = profile else { return ().into_any() };
    let by_kind = ActorKind::ALL
        .into_iter()
        .filter(|k| profile.actors_by_kind[k.index()] > 0)
        .map(|k| view! { <li><KindMark kind=k/>{kind_name(k, lang)}": "<strong>{format::int(profile.actors_by_kind[k.index()] as u64, lang)}</strong></li> })
        .collect_view();
    let leading = profile
        .leading_actors
        .iter()
        .map(|&(a, n, vol)| {
            view! {
                <li><a href="#" on:click=focus_actor(state, d, a)>{ds.actor(a).name.clone()}</a>
                    <span class="muted">{format!(" · {} {} · {}", n, t.projects, format::eur_compact(vol, lang))}</span></li>
            }
        })
        .collect_view();
    let more = profile.projects.len().saturating_sub(LIST_MAX);
    let projects = profile
        .projects
        .iter()
        .take(LIST_MAX)
        .map(|&p| {
            let pr = ds.project(p);
            view! {
                <li class="project"><span class="project-title">{pr.title.get(lang).to_string()}</span>
                    <span class="project-meta">{format!("{}–{} · {}", pr.start, pr.end, format::eur_compact(pr.volume, lang))}</span></li>
            }
        })
        .collect_view();
    let description = tech.description.get(lang).to_string();
    view! {
        <header class="detail-head">
            <p class="detail-kind">{t.ecosystem}</p>
            <h2 id="detail-title" data-testid="detail-title" tabindex="-1">{tech.name.get(lang).to_string()}</h2>
        </header>
        {(!description.is_empty()).then(|| view! { <p class="description">{description}</p> })}
        // The ecosystem profile (docs/insight.md): computed by the insight worker, loaded only when it opens.
        <button type="button" class="insight-open" data-testid="open-profile" on:click=move |_| state.show(View::Profile)>
            {crate::views::insight::texts::insight_texts(lang).open_profile}</button>
        <dl class="facts">
            <dt>{t.headline_actors}</dt><dd data-testid="tech-actors">{format::int(profile.actors as u64, lang)}</dd>
            <dt>{t.projects}</dt><dd data-testid="tech-projects">{format::int(profile.projects.len() as u64, lang)}</dd>
            <dt>{t.volume}</dt><dd data-testid="tech-volume">{format::eur_compact(profile.volume, lang)}</dd>
        </dl>
        <h3>{t.actors_by_kind}</h3>
        <ul class="by-kind" data-testid="tech-by-kind">{by_kind}</ul>
        <h3>{t.leading_actors}</h3>
        <ol class="leading" data-testid="tech-leading">{leading}</ol>
        <h3>{t.projects}</h3>
        <ul class="projects">{projects}</ul>
        {(more > 0).then(|| view! { <p class="muted">{format!("+ {more}")}</p> })}
    }
    .into_any()
}
