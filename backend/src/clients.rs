//! What one client may hold at once: connections, and API requests in work, counted by the
//! client's address so that one source cannot take the capacity that every patient shares
//! (`DSP_MAX_CONNECTIONS_PER_CLIENT`, `DSP_MAX_IN_FLIGHT_PER_CLIENT`).
//!
//! A client is its IP address, an IPv6 client its /64 (one host usually holds a whole /64, and
//! could otherwise take a new address per connection). Behind a proxy or load balancer that hides
//! the clients' addresses every client looks the same, so there the caps are turned off (0) and the
//! proxy limits each client; see the README. These counts are the instance's own capacity, like
//! `DSP_MAX_IN_FLIGHT`, not session state: nothing is lost when an instance stops.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, PoisonError};

/// The address that stands for a client: IPv4 as it is (also when mapped into IPv6), IPv6 its
/// /64 prefix.
#[must_use]
pub fn client_of(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(v6.to_bits() & !u128::from(u64::MAX))),
        },
    }
}

/// In the extensions of a request that came on a connection past its client's cap: the API
/// refuses it (`429`), and the connection closes after it.
#[derive(Debug, Clone, Copy)]
pub struct OverConnectionCap;

/// Counts, per client, how many of something each one holds, up to a limit (0: no limit).
#[derive(Debug, Clone)]
pub struct PerClient {
    limit: usize,
    held: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One unit held by a client, given back when dropped.
#[derive(Debug)]
pub struct Held {
    client: IpAddr,
    held: Option<Arc<Mutex<HashMap<IpAddr, usize>>>>,
}

impl PerClient {
    /// At most `limit` units per client; 0 counts nothing and refuses nothing.
    #[must_use]
    pub fn new(limit: usize) -> Self {
        Self { limit, held: Arc::default() }
    }

    /// One more unit for the client at `ip`, or `None` when it already holds its limit.
    #[must_use]
    pub fn try_hold(&self, ip: IpAddr) -> Option<Held> {
        let client = client_of(ip);
        if self.limit == 0 {
            return Some(Held { client, held: None });
        }
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        let count = held.entry(client).or_default();
        if *count >= self.limit {
            return None;
        }
        *count += 1;
        Some(Held { client, held: Some(Arc::clone(&self.held)) })
    }

    /// How many units the client at `ip` holds.
    #[must_use]
    pub fn held_by(&self, ip: IpAddr) -> usize {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.get(&client_of(ip)).copied().unwrap_or(0)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let Some(held) = &self.held else { return };
        let mut held = held.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = held.get_mut(&self.client) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                held.remove(&self.client);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_client_holds_up_to_its_limit_and_gets_units_back() {
        let caps = PerClient::new(2);
        let a = caps.try_hold(ip("192.0.2.1")).unwrap();
        let _b = caps.try_hold(ip("192.0.2.1")).unwrap();
        assert!(caps.try_hold(ip("192.0.2.1")).is_none(), "the third is refused");
        assert!(caps.try_hold(ip("192.0.2.2")).is_some(), "another client is not");
        drop(a);
        assert_eq!(caps.held_by(ip("192.0.2.1")), 1);
        assert!(caps.try_hold(ip("192.0.2.1")).is_some(), "a unit given back is free again");
    }

    #[test]
    fn an_ipv6_client_is_its_64_prefix_and_a_mapped_ipv4_its_address() {
        let caps = PerClient::new(1);
        let _held = caps.try_hold(ip("2001:db8:1:2::1")).unwrap();
        assert!(caps.try_hold(ip("2001:db8:1:2:ffff::9")).is_none(), "same /64");
        assert!(caps.try_hold(ip("2001:db8:1:3::1")).is_some(), "another /64");
        let _v4 = caps.try_hold(ip("192.0.2.7")).unwrap();
        assert!(caps.try_hold(ip("::ffff:192.0.2.7")).is_none(), "the same IPv4 client");
    }

    #[test]
    fn no_limit_refuses_nothing_and_counts_nothing() {
        let caps = PerClient::new(0);
        let held: Vec<Held> = (0..1000).map(|_| caps.try_hold(ip("192.0.2.1")).unwrap()).collect();
        assert_eq!(held.len(), 1000);
        assert_eq!(caps.held_by(ip("192.0.2.1")), 0);
    }

    #[test]
    fn the_count_is_forgotten_when_a_client_holds_nothing() {
        let caps = PerClient::new(3);
        let held: Vec<Held> = (0..3).map(|_| caps.try_hold(ip("192.0.2.1")).unwrap()).collect();
        drop(held);
        assert!(caps.held.lock().unwrap().is_empty());
    }
}
