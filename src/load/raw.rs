//! The parsed JSON of a data file, borrowing its text: the loader's replacement for
//! `serde_json::Value`, read the same way (same parser, same syntax errors) but without a
//! `String` for every key and string and a tree map for every object.
//!
//! An object keeps its members in file order; a key given twice reads as its last value, and
//! [`Map::keys`] lists each key once in sorted order, as `serde_json::Map` does.

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A JSON value (named as `serde_json::Value`'s variants, so code reads the same).
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as `serde_json::Value::as_f64` reads it.
    Number(f64),
    /// A string (borrowed from the text unless it has escapes).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object.
    Object(Map<'a>),
}

/// The members of an object, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Map<'a> {
    /// An object of these members, in file order.
    pub fn from_members(members: Vec<(Cow<'a, str>, Json<'a>)>) -> Map<'a> {
        Map { members }
    }

    /// The members, in file order.
    pub fn members(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The value of a key (its last one, when given twice).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.members.iter().rev().find(|(k, _)| same_key(k, key)).map(|(_, v)| v)
    }

    /// Each key once, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let mut keys: Vec<&str> = self.members.iter().map(|(k, _)| k.as_ref()).collect();
        crate::sort::sort(&mut keys);
        keys.dedup();
        keys.into_iter()
    }

    /// The keys not in `known`, each once, sorted (no allocation when there is none).
    pub fn unknown_keys(&self, known: &[&str]) -> Vec<&str> {
        let is_known = |k: &str| known.iter().any(|n| same_key(n, k));
        if self.members.iter().all(|(k, _)| is_known(k)) {
            return Vec::new();
        }
        self.keys().filter(|k| !is_known(k)).collect()
    }
}

/// String equality that looks at the length and first byte before comparing the rest (most keys
/// differ there; a record's fields are looked up among its keys many times).
#[inline(always)]
pub fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && same_text(a, b)
}

/// String equality, comparing a short text (up to 16 bytes: keys, codes, ids) in at most two
/// overlapping words instead of calling `memcmp`.
#[inline(always)]
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

#[inline(always)]
fn word(s: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_ne_bytes(w)
}

#[inline(always)]
fn half(s: &[u8], at: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_ne_bytes(w)
}

impl<'a> Json<'a> {
    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The array, if this is one.
    pub fn as_array(&self) -> Option<&Vec<Json<'a>>> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Parses JSON text (the same values, and the same errors, as
/// `serde_json::from_str::<serde_json::Value>`).
pub fn parse(text: &str) -> Result<Json<'_>, serde_json::Error> {
    serde_json::from_str(text)
}

/// The most fields a record read with [`parse_items`] can know.
pub const MAX_FIELDS: usize = 16;

/// An object of the streamed array, read straight into the fields it may have (no map kept): the
/// last value given to each known field, and the names of the others.
#[derive(Debug)]
pub struct Record<'a> {
    /// The value of each known field, in the order of the list of known fields.
    pub values: [Option<Json<'a>>; MAX_FIELDS],
    /// The other keys, as given.
    pub unknown: Vec<Cow<'a, str>>,
    /// The field the n-th key of the last object was (objects mostly give their keys in one
    /// order), to try first.
    order: [u8; MAX_FIELDS],
    /// Which values are set (bit i for `values[i]`).
    set: u16,
}

/// One item of the streamed array.
#[derive(Debug, Clone, Copy)]
pub enum Item<'r, 'a> {
    /// An object.
    Record(&'r Record<'a>),
    /// Anything else.
    Other(&'r Json<'a>),
}

/// Takes the items of an array of the top-level object one by one as they are read, so that each
/// can be checked and dropped at once rather than all kept in memory.
pub trait Items<'a> {
    /// At the array's key, with the members read before it: true to take its items.
    fn start(&mut self, before: &Map<'a>) -> bool;
    /// One item, with its index in the array.
    fn item(&mut self, index: usize, item: Item<'_, 'a>);
    /// The end of the array (not called when the value is not an array).
    fn end(&mut self);
}

/// [`parse`], handing the items of the top-level array `key` to `items` as they are read, when
/// `items.start` says so, each object read into the `fields` it may have (at most
/// [`MAX_FIELDS`]); that array is then empty in the value returned.
pub fn parse_items<'a>(text: &'a str, key: &str, fields: &[&str], items: &mut dyn Items<'a>) -> Result<Json<'a>, serde_json::Error> {
    assert!(fields.len() <= MAX_FIELDS, "at most {MAX_FIELDS} fields");
    let mut de = serde_json::Deserializer::from_str(text);
    let json = (&mut de).deserialize_any(TopVisitor { key, fields, items })?;
    de.end()?;
    Ok(json)
}

/// Reads the top level like [`JsonVisitor`], handing one array's items to an [`Items`].
struct TopVisitor<'k, 'i, 'a> {
    key: &'k str,
    fields: &'k [&'k str],
    items: &'i mut dyn Items<'a>,
}

/// Visitor methods that read a value as [`JsonVisitor`] does (and wrap it).
macro_rules! as_json {
    ($wrap:expr; $($name:ident($($arg:ident: $t:ty),*);)*) => {
        $(fn $name<E: serde::de::Error>(self, $($arg: $t),*) -> Result<Self::Value, E> {
            JsonVisitor.$name($($arg),*).map($wrap)
        })*
    };
}

/// The visitor methods for every value but the one a visitor reads itself.
macro_rules! as_json_scalars {
    ($wrap:expr) => {
        as_json! { $wrap;
            visit_bool(b: bool);
            visit_i64(x: i64);
            visit_u64(x: u64);
            visit_f64(x: f64);
            visit_borrowed_str(s: &'de str);
            visit_str(s: &str);
            visit_string(s: String);
            visit_unit();
            visit_none();
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            JsonVisitor.visit_some(d).map($wrap)
        }
    };
}

impl<'de> Visitor<'de> for TopVisitor<'_, '_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    as_json_scalars!(|j| j);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Json<'de>, A::Error> {
        JsonVisitor.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(Key(k)) = map.next_key()? {
            let take = k == self.key && {
                let before = Map { members: std::mem::take(&mut members) };
                let take = self.items.start(&before);
                members = before.members;
                take
            };
            let v = if take { map.next_value_seed(ItemsSeed { fields: self.fields, items: &mut *self.items })? } else { map.next_value()? };
            members.push((k, v));
        }
        Ok(Json::Object(Map { members }))
    }
}

/// The value of the array whose items are taken one by one.
struct ItemsSeed<'k, 'i, 'a> {
    fields: &'k [&'k str],
    items: &'i mut dyn Items<'a>,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_, '_, 'de> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed<'_, '_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    as_json_scalars!(|j| j);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Json<'de>, A::Error> {
        JsonVisitor.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        // one record, read into again for each object (not moved around by value)
        let mut record = Record { values: [const { None }; MAX_FIELDS], unknown: Vec::new(), order: [0; MAX_FIELDS], set: 0 };
        let mut index = 0;
        while let Some(other) = seq.next_element_seed(ItemSeed { fields: self.fields, record: &mut record })? {
            match &other {
                None => self.items.item(index, Item::Record(&record)),
                Some(json) => self.items.item(index, Item::Other(json)),
            }
            index += 1;
        }
        self.items.end();
        Ok(Json::Array(Vec::new()))
    }
}

/// One item of the streamed array: an object is read into `record` (and `None` returned).
struct ItemSeed<'k, 'r, 'a> {
    fields: &'k [&'k str],
    record: &'r mut Record<'a>,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, '_, 'de> {
    type Value = Option<Json<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Json<'de>>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_, '_, 'de> {
    type Value = Option<Json<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    as_json_scalars!(Some);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<Json<'de>>, A::Error> {
        JsonVisitor.visit_seq(seq).map(Some)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Json<'de>>, A::Error> {
        let record = self.record;
        for (i, v) in record.values.iter_mut().enumerate() {
            if record.set & 1 << i != 0 {
                *v = None;
            }
        }
        record.set = 0;
        record.unknown.clear();
        let mut n = 0;
        while let Some(Key(k)) = map.next_key()? {
            let value: Json = map.next_value()?;
            let guess = record.order.get(n).map(|&i| i as usize).filter(|&i| self.fields.get(i).is_some_and(|f| same_key(f, &k)));
            match guess.or_else(|| self.fields.iter().position(|f| same_key(f, &k))) {
                Some(i) => {
                    record.values[i] = Some(value);
                    record.set |= 1 << i;
                    if let Some(o) = record.order.get_mut(n) {
                        *o = i as u8;
                    }
                }
                None => record.unknown.push(k),
            }
            n += 1;
        }
        Ok(None)
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, x: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(x as f64))
    }

    fn visit_u64<E>(self, x: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(x as f64))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number(x))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        Deserialize::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        // one allocation for a record of up to 12 fields (the size is not known in advance)
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(12).min(64));
        while let Some(Key(k)) = map.next_key()? {
            members.push((k, map.next_value()?));
        }
        Ok(Json::Object(Map { members }))
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s)))
    }
}

#[cfg(test)]
mod tests;
