//! Abuse limits: a token bucket per client address, and the same-origin check that stops
//! other sites from posting on a reader's behalf.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, header, request::Parts};

use crate::config::RateLimit;

/// Per-address token buckets: `burst` writes at once, refilled at `per_minute`.
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one write from the client's bucket, or says how long until it may write again.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let per_second = f64::from(self.limit.per_minute) / 60.0;
        let burst = f64::from(self.limit.burst);
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() > 100_000 {
            // Forget clients whose buckets have refilled; they lose nothing by it.
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * per_second < burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else if per_second > 0.0 {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        } else {
            Err(Duration::from_secs(3600))
        }
    }
}

/// Failed sign-ins before a client address must wait.
pub const LOGIN_FREE_FAILURES: u32 = 5;
/// The longest wait a client address can be made to serve.
const LOGIN_MAX_WAIT: Duration = Duration::from_secs(15 * 60);

/// Failed sign-ins per client address, whatever email each one tried: after
/// `LOGIN_FREE_FAILURES` the address waits, twice as long after each further failure.
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl LoginThrottle {
    /// `Err(wait)` while the address must wait before trying again.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match failures.get(&client) {
            Some(&(count, last)) if count >= LOGIN_FREE_FAILURES => {
                let wait = login_wait(count);
                let waited = last.elapsed();
                if waited < wait {
                    Err(wait - waited)
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    pub fn failed(&self, client: IpAddr) {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if failures.len() > 100_000 {
            failures.retain(|_, (count, last)| last.elapsed() < login_wait(*count));
        }
        let entry = failures.entry(client).or_insert((0, Instant::now()));
        entry.0 = entry.0.saturating_add(1);
        entry.1 = Instant::now();
    }

    pub fn succeeded(&self, client: IpAddr) {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&client);
    }
}

/// 30 s after the free failures are spent, then doubling up to 15 minutes.
fn login_wait(failures: u32) -> Duration {
    let extra = failures.saturating_sub(LOGIN_FREE_FAILURES).min(10);
    (Duration::from_secs(30) * 2u32.pow(extra)).min(LOGIN_MAX_WAIT)
}

/// The client's address: the connection's peer, or the first `X-Forwarded-For` hop when
/// the site says a trusted proxy sets it.
pub fn client_ip(parts: &Parts, trust_forwarded_for: bool) -> IpAddr {
    if trust_forwarded_for
        && let Some(ip) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse::<IpAddr>().ok())
    {
        return ip;
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]))
}

/// Refuses a state-changing request that a browser sent from another site: the
/// `Sec-Fetch-Site`, `Origin` or `Referer` it carries must name this site.
pub fn check_same_origin(headers: &HeaderMap, base_url: &str) -> Result<(), String> {
    let refused = || {
        "This request came from another website, so it was refused. Open the article on this site and try again."
            .to_owned()
    };
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return Err(refused());
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let ours = |origin: &str| {
        let origin = origin.trim_end_matches('/');
        origin.eq_ignore_ascii_case(base_url)
            || host.is_some_and(|host| {
                origin.eq_ignore_ascii_case(&format!("http://{host}"))
                    || origin.eq_ignore_ascii_case(&format!("https://{host}"))
            })
    };
    if let Some(origin) = headers.get(header::ORIGIN) {
        return match origin.to_str() {
            Ok(origin) if ours(origin) => Ok(()),
            _ => Err(refused()),
        };
    }
    if let Some(referer) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        let origin: String = match referer.find("://") {
            Some(start) => {
                let rest = &referer[start + 3..];
                let end = rest.find('/').map_or(referer.len(), |i| start + 3 + i);
                referer[..end].to_owned()
            }
            None => return Err(refused()),
        };
        return if ours(&origin) {
            Ok(())
        } else {
            Err(refused())
        };
    }
    // No browser sends a cross-site write without Origin; scripts and feed tools may.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_burst_then_a_steady_rate() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 3,
            per_minute: 60,
        });
        let ip = IpAddr::from([10, 0, 0, 1]);
        for _ in 0..3 {
            assert!(limiter.check(ip).is_ok());
        }
        let wait = limiter.check(ip).expect_err("limited");
        assert!(wait <= Duration::from_secs(1) && wait > Duration::ZERO);
        assert!(
            limiter.check(IpAddr::from([10, 0, 0, 2])).is_ok(),
            "others unaffected"
        );
    }

    #[test]
    fn sign_in_waits_grow_after_the_free_failures() {
        let throttle = LoginThrottle::default();
        let ip = IpAddr::from([10, 0, 0, 9]);
        for _ in 0..LOGIN_FREE_FAILURES {
            assert!(throttle.check(ip).is_ok());
            throttle.failed(ip);
        }
        let first = throttle.check(ip).expect_err("must wait");
        assert!(first > Duration::from_secs(25));
        throttle.failed(ip);
        assert!(throttle.check(ip).expect_err("longer") > first);
        assert!(throttle.check(IpAddr::from([10, 0, 0, 10])).is_ok());
        throttle.succeeded(ip);
        assert!(throttle.check(ip).is_ok());
    }

    fn with(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (k, v) in pairs {
            headers.insert(*k, HeaderValue::from_static(v));
        }
        headers
    }

    #[test]
    fn only_this_site_may_post() {
        let base = "https://news.example";
        assert!(check_same_origin(&with(&[("origin", "https://news.example")]), base).is_ok());
        assert!(
            check_same_origin(
                &with(&[
                    ("origin", "http://127.0.0.1:8080"),
                    ("host", "127.0.0.1:8080")
                ]),
                base
            )
            .is_ok()
        );
        assert!(check_same_origin(&with(&[("origin", "https://evil.example")]), base).is_err());
        assert!(check_same_origin(&with(&[("origin", "null")]), base).is_err());
        assert!(
            check_same_origin(&with(&[("referer", "https://evil.example/page")]), base).is_err()
        );
        assert!(
            check_same_origin(
                &with(&[("referer", "https://news.example/article/x")]),
                base
            )
            .is_ok()
        );
        assert!(check_same_origin(&with(&[("sec-fetch-site", "cross-site")]), base).is_err());
        assert!(check_same_origin(&HeaderMap::new(), base).is_ok());
    }
}
