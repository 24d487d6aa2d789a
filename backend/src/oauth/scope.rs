//! SMART on FHIR scopes (v2 syntax): `user/DocumentReference.rs`, `user/*.r`, … A professional's
//! software acts with the professional's rights (`user/`), never more: the scopes only narrow
//! what the decision function would allow.

use std::fmt;

/// One operation a SMART v2 scope may allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `c`: create (file a document).
    Create,
    /// `r`: read one resource.
    Read,
    /// `u`: update.
    Update,
    /// `d`: delete.
    Delete,
    /// `s`: search.
    Search,
}

impl Op {
    const fn letter(self) -> char {
        match self {
            Self::Create => 'c',
            Self::Read => 'r',
            Self::Update => 'u',
            Self::Delete => 'd',
            Self::Search => 's',
        }
    }
}

/// One scope: `user/<resource or *>.<letters>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The resource type, or `*`.
    pub resource: String,
    /// The operations, in SMART's order (`cruds`).
    pub ops: String,
}

impl Scope {
    /// Parses a `user/` scope in SMART v2 syntax (`cruds` letters, in that order, each at most
    /// once); anything else is not a scope DSP knows.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let rest = text.strip_prefix("user/")?;
        let (resource, ops) = rest.split_once('.')?;
        let resource_ok = resource == "*"
            || (!resource.is_empty() && resource.chars().all(|c| c.is_ascii_alphanumeric()));
        let mut order = "cruds".chars();
        let ops_ok = !ops.is_empty() && ops.chars().all(|c| order.any(|o| o == c));
        (resource_ok && ops_ok).then(|| Self { resource: resource.to_owned(), ops: ops.to_owned() })
    }

    /// Whether this scope allows `op` on `resource`.
    #[must_use]
    pub fn allows(&self, resource: &str, op: Op) -> bool {
        (self.resource == "*" || self.resource == resource) && self.ops.contains(op.letter())
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "user/{}.{}", self.resource, self.ops)
    }
}

/// A set of scopes, as a grant holds them (space-separated on the wire and in the database).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeSet(pub Vec<Scope>);

impl ScopeSet {
    /// The scopes DSP knows in a space-separated list (others are left out: a client asking only
    /// for unknown scopes gets none).
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut scopes: Vec<Scope> = Vec::new();
        for scope in text.split_ascii_whitespace().filter_map(Scope::parse) {
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        Self(scopes)
    }

    /// Whether some scope allows `op` on `resource`.
    #[must_use]
    pub fn allows(&self, resource: &str, op: Op) -> bool {
        self.0.iter().any(|s| s.allows(resource, op))
    }

    /// Whether every operation `self` asks for is one that `allowed` gives on that resource
    /// (a client asks for at most what the agency registered it for).
    #[must_use]
    pub fn within(&self, allowed: &Self) -> bool {
        self.0.iter().all(|s| {
            s.ops.chars().all(|op| {
                allowed
                    .0
                    .iter()
                    .any(|a| (a.resource == "*" || a.resource == s.resource) && a.ops.contains(op))
            })
        })
    }

    /// Whether there is no scope.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for ScopeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for scope in &self.0 {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{scope}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_v2_scopes_parse_and_allow_what_they_say() {
        let set = ScopeSet::parse("user/DocumentReference.rs user/Binary.r launch user/x.zz");
        assert_eq!(set.to_string(), "user/DocumentReference.rs user/Binary.r");
        assert!(set.allows("DocumentReference", Op::Search));
        assert!(set.allows("Binary", Op::Read));
        assert!(!set.allows("DocumentReference", Op::Create));
        assert!(!set.allows("Patient", Op::Read));
        assert!(ScopeSet::parse("user/*.cruds").allows("Patient", Op::Delete));
        assert!(Scope::parse("user/DocumentReference.sr").is_none(), "letters out of order");
        assert!(Scope::parse("user/DocumentReference.rr").is_none(), "a letter twice");
        assert!(Scope::parse("patient/DocumentReference.r").is_none(), "only user/ scopes");
        let wanted = ScopeSet::parse("user/DocumentReference.c");
        assert!(wanted.within(&ScopeSet::parse("user/DocumentReference.c user/Binary.r")));
        assert!(wanted.within(&ScopeSet::parse("user/DocumentReference.cruds")));
        assert!(!wanted.within(&ScopeSet::parse("user/DocumentReference.rs user/*.r")));
        assert!(!ScopeSet::parse("user/*.r").within(&ScopeSet::parse("user/Binary.r")));
    }
}
