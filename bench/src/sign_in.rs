//! W5, a professional's security-key sign-in over HTTP (`start` then `finish`), and the keys it
//! signs in with: enrolled through the library before the server starts, then lent one at a time
//! to the load generator, each with its own loopback source address.
//!
//! The server's sign-in rate limits stay in the measured path: at most 30 ceremonies a minute per
//! client address and 20 answers a minute per credential. The harness stays under them honestly,
//! with many keys and many client addresses (Linux routes all of 127.0.0.0/8 to the loopback
//! interface, so 127.b.x.y works as a source address without configuration), and says so plainly
//! when a run would need more keys than it enrolled rather than letting the server refuse.
//! It must not relax the limits or sign in outside the HTTP path.

#[path = "../../backend/tests/common/authenticator.rs"]
#[expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "the tests' software authenticator, reused as is: it panics where a browser would \
              refuse"
)]
#[cfg_attr(
    not(test),
    expect(
        dead_code,
        unused_imports,
        reason = "W5 needs the security key only, not the passkey or the module's own tests"
    )
)]
mod authenticator;

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use authenticator::SecurityKey;
use chrono::Utc;
use dsp::AppState;
use dsp::audit::RequestMeta;
use dsp::auth::CurrentUser;
use dsp::entity::{credential, professional};
use futures::{StreamExt as _, TryStreamExt as _};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use shared::Profession;
use shared::api::auth::{CeremonyFinish, CeremonyOptions, Role};
use uuid::Uuid;

use crate::load::Op;

/// The name every W5 key is registered under, followed by its index (`dsp-bench W5 #17`): the
/// index picks the key's deterministic key pair, so a later run on the same database continues
/// after the highest one instead of registering a credential id twice.
const KEY_NAME: &str = "dsp-bench W5 #";

/// Keys per key-holding professional. Few, as in life: a sign-in appends to its professional's
/// audit chain, so many concurrent sign-ins of one professional would queue on that chain's head
/// (a contention real traffic does not have).
pub const KEYS_PER_PROFESSIONAL: usize = 4;

/// Sign-ins a minute one credential may answer (`SIGN_IN_PER_CREDENTIAL`); the client address
/// allows more (30), and each key has an address of its own.
const SIGN_INS_PER_KEY: u32 = 20;

/// The server's windows are fixed, 60 s from their first hit; a second more for clock edges.
const WINDOW: Duration = Duration::from_secs(61);

/// Security keys registered to active professionals, ready for W5.
#[derive(Debug, Clone, Default)]
pub struct Keys(Arc<Mutex<Vec<SecurityKey>>>);

impl Keys {
    /// How many.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |k| k.len())
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key with this index: a [`SecurityKey`] seed (256 of them) and, through registrations
/// made and discarded on the spot, a generation, so that every index has a key pair and
/// credential id of its own.
fn key(index: usize) -> anyhow::Result<SecurityKey> {
    const DISCARDED: &str = r#"{"challenge":"AAAA","user":{"id":"AAAA"},"rp":{"id":"localhost"},"pubKeyCredParams":[{"type":"public-key","alg":-8}]}"#;
    let mut key = SecurityKey::new(u8::try_from(index % 256)?);
    for _ in 0..index / 256 {
        let _ = key.register(DISCARDED, "http://localhost");
    }
    Ok(key)
}

/// The first key index free on this database (0 on a fresh one).
async fn first_free_index(state: &AppState) -> anyhow::Result<usize> {
    let names: Vec<String> = credential::Entity::find()
        .filter(credential::Column::Name.starts_with(KEY_NAME))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect();
    Ok(names
        .iter()
        .filter_map(|n| n.strip_prefix(KEY_NAME)?.parse::<usize>().ok())
        .max()
        .map_or(0, |n| n + 1))
}

/// Enrols `count` security keys on new active physicians (`BENCH-K…`), [`KEYS_PER_PROFESSIONAL`]
/// each, through the library: a session for the holder, then the add-a-key ceremony
/// (`credentials::add_start` / `add_finish`) with the software key's registration, as the
/// browser would send it.
///
/// # Errors
/// Database, or a registration the server refuses.
pub async fn enrol(state: &AppState, count: usize) -> anyhow::Result<Keys> {
    if count == 0 {
        return Ok(Keys::default());
    }
    let first = first_free_index(state).await?;
    let holders = count.div_ceil(KEYS_PER_PROFESSIONAL);
    let run = Uuid::new_v4().simple().to_string();
    let keys: Vec<Vec<SecurityKey>> = futures::stream::iter(0..holders)
        .map(|h| {
            let licence = format!("BENCH-K-{}-{h}", &run[..12]);
            let indices = first + h * KEYS_PER_PROFESSIONAL
                ..first + ((h + 1) * KEYS_PER_PROFESSIONAL).min(count);
            async move { enrol_holder(state, &licence, indices).await }
        })
        .buffer_unordered(4)
        .try_collect()
        .await?;
    // Interleaved, so that consecutive sign-ins are different professionals'.
    let mut holders: Vec<_> = keys.into_iter().map(Vec::into_iter).collect();
    let mut interleaved = Vec::with_capacity(count);
    while interleaved.len() < count {
        let before = interleaved.len();
        interleaved.extend(holders.iter_mut().filter_map(Iterator::next));
        if interleaved.len() == before {
            break;
        }
    }
    Ok(Keys(Arc::new(Mutex::new(interleaved))))
}

async fn enrol_holder(
    state: &AppState,
    licence: &str,
    indices: std::ops::Range<usize>,
) -> anyhow::Result<Vec<SecurityKey>> {
    let now = Utc::now();
    let id = Uuid::new_v4();
    professional::ActiveModel {
        id: Set(id),
        given_name: Set("Bench".into()),
        family_name: Set(format!("Key holder {licence}")),
        profession: Set(Profession::Physician.code().into()),
        licence_number: Set(licence.to_owned()),
        organisation_id: Set(None),
        state: Set("active".into()),
        email: Set(None),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    // A fresh session counts as a fresh verification, which adding a key needs.
    let (_, session) =
        dsp::auth::session::create(&state.db, Role::Professional, id, None, None, now)
            .await
            .map_err(crate::fixture::fail)?;
    let user = CurrentUser { session, role: Role::Professional };
    let meta = RequestMeta::default();
    let mut keys = Vec::with_capacity(indices.len());
    for index in indices {
        let mut key = key(index)?;
        let options = dsp::services::credentials::add_start(state, &user)
            .await
            .map_err(crate::fixture::fail)?;
        let registration =
            key.register(&options.public_key.to_string(), &state.config.public_origin);
        dsp::services::credentials::add_finish(
            state,
            &meta,
            &user,
            registration.as_bytes(),
            Some(format!("{KEY_NAME}{index}")),
        )
        .await
        .map_err(crate::fixture::fail)
        .with_context(|| format!("registering W5 key {index}"))?;
        keys.push(key);
    }
    Ok(keys)
}

/// A professional's workstation: a security key and an HTTP client with a source address of its
/// own, and how much of the rate limits' current window it has used.
struct Station {
    key: SecurityKey,
    client: reqwest::Client,
    window_started: Option<Instant>,
    used: u32,
}

struct Stations {
    idle: Mutex<VecDeque<Station>>,
    /// One permit per idle station: a call waits for one (and the wait counts in its latency).
    available: tokio::sync::Semaphore,
    total: usize,
    /// Where to send the requests (`http://127.0.0.1:PORT`: the source addresses are IPv4).
    target: String,
    /// The public origin (the `Origin` header, and the origin the key signs for).
    origin: String,
}

impl Stations {
    fn take(&self) -> anyhow::Result<Station> {
        let mut idle = self.idle.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        let mut station = idle.pop_front().context("a permit without an idle station")?;
        let now = Instant::now();
        if station.window_started.is_none_or(|s| now - s >= WINDOW) {
            station.window_started = Some(now);
            station.used = 0;
        }
        if station.used >= SIGN_INS_PER_KEY {
            idle.push_back(station);
            bail!(
                "W5 needs more security keys: all {} have made their {SIGN_INS_PER_KEY} sign-ins \
                 of this minute (the server's per-credential limit); enrol more (Sizes::security_keys)",
                self.total
            );
        }
        station.used += 1;
        Ok(station)
    }

    fn give_back(&self, station: Station) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push_back(station);
        }
    }
}

/// The W5 operation: one complete sign-in, `start` then `finish`, both answering 200, with the
/// least recently used key from its own address. The software key's signing (the browser's and
/// the key's work) happens in between and counts in the latency.
///
/// # Errors
/// When an HTTP client cannot be built.
pub fn op(origin: &str, keys: &Keys) -> anyhow::Result<Op> {
    let keys = std::mem::take(&mut *keys.0.lock().map_err(|_| anyhow::anyhow!("poisoned"))?);
    if keys.is_empty() {
        bail!("W5 has no security keys (Sizes::security_keys is 0)");
    }
    // A block of 127/8 of its own per run, so that a run on a kept database does not inherit
    // the previous run's per-address windows.
    let block = 16 + Uuid::new_v4().as_bytes()[0] % 224;
    let mut idle = VecDeque::with_capacity(keys.len());
    for (i, key) in keys.into_iter().enumerate() {
        let address =
            Ipv4Addr::new(127, block, u8::try_from(i / 250 % 256)?, u8::try_from(i % 250 + 1)?);
        let client = reqwest::Client::builder()
            .local_address(IpAddr::V4(address))
            .pool_max_idle_per_host(1)
            .timeout(Duration::from_secs(30))
            .build()?;
        idle.push_back(Station { key, client, window_started: None, used: 0 });
    }
    let total = idle.len();
    let stations = Arc::new(Stations {
        idle: Mutex::new(idle),
        available: tokio::sync::Semaphore::new(total),
        total,
        target: origin.replacen("//localhost:", "//127.0.0.1:", 1),
        origin: origin.to_owned(),
    });
    Ok(Arc::new(move |_| {
        let stations = stations.clone();
        Box::pin(async move {
            let _permit = stations.available.acquire().await?;
            let mut station = stations.take()?;
            let outcome = sign_in(&mut station, &stations.target, &stations.origin).await;
            stations.give_back(station);
            outcome
        })
    }))
}

async fn sign_in(station: &mut Station, target: &str, origin: &str) -> anyhow::Result<()> {
    let started = station
        .client
        .post(format!("{target}/api/auth/sign-in/start"))
        .header("origin", origin)
        .send()
        .await?;
    let status = started.status();
    if status.as_u16() != 200 {
        bail!("start: status {status}: {}", started.text().await.unwrap_or_default());
    }
    let options: CeremonyOptions = started.json().await?;
    let assertion = station.key.authenticate(&options.public_key.to_string(), origin);
    let finish = CeremonyFinish { credential: serde_json::from_str(&assertion)?, name: None };
    let finished = station
        .client
        .post(format!("{target}/api/auth/sign-in/finish"))
        .header("origin", origin)
        .json(&finish)
        .send()
        .await?;
    let status = finished.status();
    let body = finished.bytes().await?;
    if status.as_u16() != 200 {
        bail!("finish: status {status}: {}", String::from_utf8_lossy(&body));
    }
    Ok(())
}
