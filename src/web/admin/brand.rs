//! The newsroom's identity and ads desks (admins only): `/admin/identity` for the logo,
//! colour, social profiles, principles pages and measurement snippet; `/admin/ads` for the
//! ad slots and the sections without ads. The rules are in `crate::identity` and
//! `crate::ads`; saving goes through `AppState` (`web/brand.rs`) as the API's does.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::{FormData, done, error_map, page, render, require_admin};
use crate::ads::{Place, SlotChange};
use crate::domain::{FieldErrors, Problem};
use crate::i18n::Phrase;
use crate::identity::{IdentityChange, Network};
use crate::web::session::SignedIn;
use crate::web::{AppError, AppState, PageError};

/// The identity's fields as the form shows them.
fn identity_values(state: &AppState) -> HashMap<String, String> {
    let identity = state.brand().identity.clone();
    let mut values = HashMap::new();
    let mut put = |name: &str, value: &Option<String>| {
        values.insert(name.to_owned(), value.clone().unwrap_or_default());
    };
    put("colour", &identity.colour);
    for network in Network::ALL {
        put(
            network.field(),
            &identity.social.get(network).map(str::to_owned),
        );
    }
    put("publishing_principles", &identity.publishing_principles);
    put("corrections_policy", &identity.corrections_policy);
    put("masthead", &identity.masthead);
    put("measurement", &identity.measurement);
    values
}

fn identity_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let brand = state.brand();
    let logo = brand.identity.logo.as_ref().map(|logo| {
        json!({
            "url": logo.logo_url(),
            "width": logo.width,
            "height": logo.height,
            "icons": crate::identity::ICON_SIZES.iter().map(|size| json!({
                "size": size, "url": logo.icon_url(*size),
            })).collect::<Vec<_>>(),
        })
    });
    let networks: Vec<Value> = Network::ALL
        .iter()
        .map(|n| json!({ "field": n.field(), "name": n.name() }))
        .collect();
    let context = minijinja::context! {
        values, errors, logo, networks,
        max_mib => state.settings().media_max_mib,
    };
    if status == StatusCode::OK {
        page(state, me, "identity", "admin/identity.html", query, context)
    } else {
        render(
            state,
            Some(me),
            &me.csrf,
            "identity",
            "admin/identity.html",
            None,
            context,
            status,
        )
    }
}

pub async fn identity(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    identity_page(
        &state,
        &me,
        &query,
        identity_values(&state),
        HashMap::new(),
        StatusCode::OK,
    )
}

pub async fn save_identity(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let change = if form.get("remove_logo").is_some() {
        IdentityChange {
            remove_logo: Some(true),
            ..IdentityChange::default()
        }
    } else {
        let text = |name: &str| Some(form.text(name));
        IdentityChange {
            colour: text("colour"),
            facebook: text("facebook"),
            x: text("x"),
            instagram: text("instagram"),
            youtube: text("youtube"),
            tiktok: text("tiktok"),
            whatsapp: text("whatsapp"),
            publishing_principles: text("publishing_principles"),
            corrections_policy: text("corrections_policy"),
            masthead: text("masthead"),
            measurement: text("measurement"),
            remove_logo: None,
        }
    };
    match state.change_identity(&change, &me.user).await {
        Ok(_) => Ok(done("/admin/identity", "saved")),
        Err(AppError::Invalid(errors)) => identity_page(
            &state,
            &me,
            &HashMap::new(),
            form.values(),
            error_map(&errors, &state),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(PageError(other)),
    }
}

/// A logo uploaded from the identity page (the form's token rides in its address).
pub async fn upload_logo(
    State(state): State<AppState>,
    me: SignedIn,
    multipart: Multipart,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let result =
        match crate::web::media::read_upload(multipart, state.settings().media_max_mib).await {
            Ok((bytes, _)) => state.set_logo(bytes, &me.user).await,
            Err(error) => Err(error),
        };
    match result {
        Ok(_) => Ok(done("/admin/identity", "saved")),
        Err(AppError::Invalid(errors)) => {
            let mut map = error_map(&errors, &state);
            if let Some(message) = map.remove("file") {
                map.insert("logo".into(), message);
            }
            identity_page(
                &state,
                &me,
                &HashMap::new(),
                identity_values(&state),
                map,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(PageError(other)),
    }
}

/// One slot as its form shows it.
fn slot_values(slot: &crate::ads::AdSlot) -> HashMap<String, String> {
    let mut values = HashMap::new();
    if slot.enabled {
        values.insert("enabled".into(), "on".into());
    }
    values.insert(
        "desktop_code".into(),
        slot.desktop_code.clone().unwrap_or_default(),
    );
    values.insert(
        "mobile_code".into(),
        slot.mobile_code.clone().unwrap_or_default(),
    );
    if let Some(house) = &slot.house {
        values.insert("house_media_id".into(), house.media_id.to_string());
        values.insert("house_link".into(), house.link.clone());
        values.insert("house_alt".into(), house.alt.clone());
    }
    for (name, n) in [
        ("width", slot.width),
        ("height", slot.height),
        ("mobile_width", slot.mobile_width),
        ("mobile_height", slot.mobile_height),
        ("every", slot.every),
    ] {
        values.insert(name.into(), n.to_string());
    }
    values
}

/// A slot's form sent back refused: what was typed and a message per field.
struct Refused {
    place: Place,
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

async fn ads_page(
    state: &AppState,
    me: &SignedIn,
    query: &HashMap<String, String>,
    refused: Option<Refused>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let brand = state.brand();
    let slots: Vec<Value> = brand
        .ads
        .all()
        .iter()
        .map(|slot| {
            let (values, errors) = match &refused {
                Some(refused) if refused.place == slot.place => {
                    (refused.values.clone(), refused.errors.clone())
                }
                _ => (slot_values(slot), HashMap::new()),
            };
            json!({
                "place": slot.place.as_str(),
                "every": slot.place.takes_every(),
                "shows": slot.shows(),
                "house_image": slot.house.as_ref().map(|h| h.src.clone()),
                "values": values,
                "errors": errors,
            })
        })
        .collect();
    let sections: Vec<Value> = state
        .memory
        .sections(state.store.as_ref())
        .await?
        .iter()
        .map(|s| json!({ "id": s.id, "name": s.name, "off": brand.ads.off_in(s.id) }))
        .collect();
    let context = minijinja::context! { slots, sections, code => brand.ads.any_code() };
    if status == StatusCode::OK {
        page(state, me, "ads", "admin/ads.html", query, context)
    } else {
        render(
            state,
            Some(me),
            &me.csrf,
            "ads",
            "admin/ads.html",
            None,
            context,
            status,
        )
    }
}

pub async fn ads(
    State(state): State<AppState>,
    me: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    ads_page(&state, &me, &query, None, StatusCode::OK).await
}

/// Reads a slot's form; numbers that are not numbers are named.
fn slot_change(form: &FormData) -> Result<SlotChange, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut number = |name: &str| -> Option<u32> {
        let text = form.text(name);
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        errors.check(
            name,
            text.parse::<u32>().map_err(|_| {
                Problem::new(
                    format!("\"{text}\" is not a whole number of pixels or items"),
                    Phrase::new("adm-refuse-ad-number").with("value", text),
                )
            }),
        )
    };
    let width = number("width");
    let height = number("height");
    let mobile_width = number("mobile_width");
    let mobile_height = number("mobile_height");
    let every = number("every");
    let house = form.text("house_media_id");
    let house_media_id = match house.trim() {
        "" => Some(None),
        text => {
            match text.parse::<i64>() {
                Ok(id) => Some(Some(id)),
                Err(_) => {
                    errors.say(
                        "house_media_id",
                        format!("\"{text}\" is not a photo number; it is shown on the photo's page in Media"),
                        Phrase::new("adm-refuse-ad-photo-number").with("value", text),
                    );
                    None
                }
            }
        }
    };
    errors.into_result()?;
    Ok(SlotChange {
        enabled: Some(form.get("enabled").is_some()),
        desktop_code: Some(form.text("desktop_code")),
        mobile_code: Some(form.text("mobile_code")),
        house_media_id,
        house_link: Some(form.text("house_link")),
        house_alt: Some(form.text("house_alt")),
        width,
        height,
        mobile_width,
        mobile_height,
        every,
    })
}

pub async fn save_slot(
    State(state): State<AppState>,
    me: SignedIn,
    Path(place): Path<String>,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let Some(place) = Place::parse(&place) else {
        return Err(PageError(AppError::not_found("This ad slot")));
    };
    let result = match slot_change(&form) {
        Ok(change) => state.change_ad_slot(place, &change, &me.user).await,
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(done("/admin/ads", "saved")),
        Err(AppError::Invalid(errors)) => {
            ads_page(
                &state,
                &me,
                &HashMap::new(),
                Some(Refused {
                    place,
                    values: form.values(),
                    errors: error_map(&errors, &state),
                }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(PageError(other)),
    }
}

pub async fn save_sections(
    State(state): State<AppState>,
    me: SignedIn,
    Form(form): Form<FormData>,
) -> Result<Response, PageError> {
    require_admin(&me.user)?;
    let ids: Vec<i64> = form
        .all("off")
        .iter()
        .filter_map(|id| id.parse::<i64>().ok())
        .collect();
    state.set_ad_free_sections(ids, &me.user).await?;
    Ok(done("/admin/ads", "saved"))
}
