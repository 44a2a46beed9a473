//! Combining: the replies of a request's parts made one reply, by the command's response
//! policy (sum, min, logical and, per node, arrays joined...), then given the command's shape.

use super::request::Operation;
use super::slots::Address;
use crate::reply::Failure;
use crate::resp::Value;
use crate::shape;

/// How the parts of a request become its reply.
#[derive(Debug)]
pub(super) enum Combine {
    /// One part: its reply as it is.
    Single,
    /// Parts of a multi-key command: element `i` of the reply is element
    /// `positions[i].1` of part `positions[i].0`'s array.
    Reorder(Vec<(usize, usize)>),
    Sum,
    Min,
    Max,
    LogicalAnd,
    LogicalOr,
    /// The first reply, once every part succeeded.
    AllSucceeded,
    /// The first success (an error only if every part failed).
    OneSucceeded,
    /// The first success that is not nil (RANDOMKEY: a node may have no keys).
    FirstNonNil,
    /// A map from each node's address to its reply.
    PerNode(Vec<Address>),
    /// The nodes' arrays, one after the other.
    Concat,
    /// The nodes' arrays joined, each distinct element once, in order of first appearance.
    Union,
    /// The nodes' [name, count, ...] arrays (or maps) as one map, counts of a name added up.
    SumCounts,
}

/// Gives a combined reply its command's shape: each node's reply for a reply
/// by node (e.g. CONFIG GET's pairs become a map per node), else the whole.
pub(super) fn shaped(value: Value, operation: &Operation) -> Result<Value, (Failure, String)> {
    let convert = |v| shape::convert(v, operation.expect).map_err(|m| (Failure::Request, m));
    match (&operation.combine, value) {
        (Combine::PerNode(_), Value::Map(pairs)) => {
            let pairs = pairs.into_iter().map(|(node, v)| Ok((node, convert(v)?))).collect::<Result<_, _>>()?;
            Ok(Value::Map(pairs))
        }
        (_, value) => convert(value),
    }
}

/// Combines the parts' replies (in part order) by `combine`.
pub(super) fn combine(combine: &Combine, results: Vec<Result<Value, (Failure, String)>>) -> Result<Value, (Failure, String)> {
    if let Combine::OneSucceeded | Combine::FirstNonNil = combine {
        let skip_nil = matches!(combine, Combine::FirstNonNil);
        let mut last_error = None;
        let mut any_success = false;
        for result in results {
            match result {
                Ok(Value::ServerError(message)) => last_error = Some((Failure::Request, message)),
                Ok(Value::Nil) if skip_nil => any_success = true,
                Ok(value) => return Ok(value),
                Err(e) => last_error = Some(e),
            }
        }
        if any_success {
            return Ok(Value::Nil);
        }
        return Err(last_error.unwrap_or((Failure::Request, "no reply".into())));
    }
    // Otherwise any failure fails the whole request.
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        values.push(result?);
    }
    if let Some(Value::ServerError(message)) = values.iter().find(|v| matches!(v, Value::ServerError(_))) {
        return Err((Failure::Request, message.clone()));
    }
    let ints = |values: &[Value]| -> Result<Vec<i64>, (Failure, String)> {
        values
            .iter()
            .map(|v| match v {
                Value::Int(i) => Ok(*i),
                other => Err((Failure::Request, format!("cannot aggregate a non-integer reply {other:?}"))),
            })
            .collect()
    };
    Ok(match combine {
        Combine::Single | Combine::AllSucceeded => values.into_iter().next().unwrap_or(Value::Nil),
        // Invariant: the `if let` at the top of this function returns for both.
        Combine::OneSucceeded | Combine::FirstNonNil => unreachable!("handled above"),
        Combine::Sum | Combine::Min | Combine::Max => {
            let op: fn(i64, i64) -> i64 = match combine {
                Combine::Sum => i64::wrapping_add,
                Combine::Min => i64::min,
                _ => i64::max,
            };
            if !values.is_empty() && values.iter().all(|v| matches!(v, Value::Array(_))) {
                // Arrays of integers (WAITAOF's [local, replicas]) combine element by element.
                let mut acc: Option<Vec<i64>> = None;
                for value in &values {
                    // Invariant: the `all` of the enclosing `if` found every value an array.
                    let Value::Array(items) = value else { unreachable!("checked above") };
                    let these = ints(items)?;
                    acc = Some(match acc {
                        None => these,
                        Some(prev) if prev.len() == these.len() => prev.iter().zip(&these).map(|(a, b)| op(*a, *b)).collect(),
                        Some(_) => return Err((Failure::Request, "cannot aggregate arrays of different lengths".into())),
                    });
                }
                Value::Array(acc.unwrap_or_default().into_iter().map(Value::Int).collect())
            } else {
                Value::Int(ints(&values)?.into_iter().reduce(op).unwrap_or(0))
            }
        }
        Combine::LogicalAnd | Combine::LogicalOr => {
            let and = matches!(combine, Combine::LogicalAnd);
            let mut acc: Option<Vec<i64>> = None;
            for value in values {
                let Value::Array(items) = value else {
                    return Err((Failure::Request, "cannot aggregate a non-array reply".into()));
                };
                let bits = ints(&items)?;
                acc = Some(match acc {
                    None => bits,
                    Some(prev) => prev
                        .iter()
                        .zip(&bits)
                        .map(|(a, b)| if and { (*a != 0 && *b != 0) as i64 } else { (*a != 0 || *b != 0) as i64 })
                        .collect(),
                });
            }
            Value::Array(acc.unwrap_or_default().into_iter().map(Value::Int).collect())
        }
        Combine::Reorder(positions) => {
            let mut arrays: Vec<Vec<Option<Value>>> = Vec::with_capacity(values.len());
            for value in values {
                let Value::Array(items) = value else {
                    return Err((Failure::Request, "a part of a multi-key reply is not an array".into()));
                };
                arrays.push(items.into_iter().map(Some).collect());
            }
            let mut out = Vec::with_capacity(positions.len());
            for &(part, index) in positions {
                let item = arrays.get_mut(part).and_then(|a| a.get_mut(index)).and_then(Option::take);
                out.push(item.ok_or((Failure::Request, "a part of a multi-key reply is too short".to_string()))?);
            }
            Value::Array(out)
        }
        Combine::Concat => {
            let mut all = Vec::new();
            for value in values {
                match value {
                    Value::Array(items) | Value::Set(items) => all.extend(items),
                    Value::Nil => {}
                    other => return Err((Failure::Request, format!("cannot join a non-array reply {other:?}"))),
                }
            }
            Value::Array(all)
        }
        Combine::Union => {
            let mut all: Vec<Value> = Vec::new();
            for value in values {
                match value {
                    Value::Array(items) | Value::Set(items) => {
                        for item in items {
                            if !all.contains(&item) {
                                all.push(item);
                            }
                        }
                    }
                    Value::Nil => {}
                    other => return Err((Failure::Request, format!("cannot join a non-array reply {other:?}"))),
                }
            }
            Value::Array(all)
        }
        Combine::SumCounts => {
            let mut counts: Vec<(Value, i64)> = Vec::new();
            for value in values {
                let pairs: Vec<(Value, Value)> = match value {
                    Value::Map(pairs) => pairs,
                    Value::Array(flat) if flat.len() % 2 == 0 => {
                        let mut it = flat.into_iter();
                        std::iter::from_fn(|| Some((it.next()?, it.next()?))).collect()
                    }
                    other => return Err((Failure::Request, format!("cannot add up counts from {other:?}"))),
                };
                for (name, count) in pairs {
                    let Value::Int(n) = count else {
                        return Err((Failure::Request, format!("a count that is not an integer: {count:?}")));
                    };
                    match counts.iter_mut().find(|(known, _)| *known == name) {
                        Some((_, total)) => *total += n,
                        None => counts.push((name, n)),
                    }
                }
            }
            Value::Map(counts.into_iter().map(|(name, n)| (name, Value::Int(n))).collect())
        }
        Combine::PerNode(addresses) => Value::Map(
            addresses.iter().map(|a| Value::SimpleString(a.to_string())).zip(values).collect(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_combine_by_policy() {
        let ok = |v: Value| -> Result<Value, (Failure, String)> { Ok(v) };
        assert_eq!(combine(&Combine::Sum, vec![ok(Value::Int(2)), ok(Value::Int(3))]), Ok(Value::Int(5)));
        // WAITAOF's [local, replicas] from every primary: the smallest of each (issue 15: the
        // command came with Valkey 9.1's COMMAND INFO and its agg_min policy).
        let pair = |a, b| ok(Value::Array(vec![Value::Int(a), Value::Int(b)]));
        assert_eq!(combine(&Combine::Min, vec![pair(1, 2), pair(0, 3)]), Ok(Value::Array(vec![Value::Int(0), Value::Int(2)])));
        assert_eq!(combine(&Combine::Max, vec![pair(1, 2), pair(0, 3)]), Ok(Value::Array(vec![Value::Int(1), Value::Int(3)])));
        assert!(combine(&Combine::Min, vec![pair(1, 2), ok(Value::Array(vec![Value::Int(1)]))]).is_err());
        assert_eq!(combine(&Combine::Min, vec![ok(Value::Int(4)), ok(Value::Int(3))]), Ok(Value::Int(3)));
        assert_eq!(combine(&Combine::Min, vec![ok(Value::Int(2)), ok(Value::Int(0))]), Ok(Value::Int(0)));
        let arrays = vec![
            ok(Value::Array(vec![Value::Int(1), Value::Int(0)])),
            ok(Value::Array(vec![Value::Int(1), Value::Int(1)])),
        ];
        assert_eq!(combine(&Combine::LogicalAnd, arrays), Ok(Value::Array(vec![Value::Int(1), Value::Int(0)])));
        // MGET a b c with a and c on part 0, b on part 1.
        let parts = vec![
            ok(Value::Array(vec![Value::BulkString(b"A".to_vec()), Value::BulkString(b"C".to_vec())])),
            ok(Value::Array(vec![Value::Nil])),
        ];
        let order = Combine::Reorder(vec![(0, 0), (1, 0), (0, 1)]);
        assert_eq!(
            combine(&order, parts),
            Ok(Value::Array(vec![Value::BulkString(b"A".to_vec()), Value::Nil, Value::BulkString(b"C".to_vec())]))
        );
        let failed = vec![ok(Value::Okay), Err((Failure::Connection, "down".to_string()))];
        assert_eq!(combine(&Combine::AllSucceeded, failed), Err((Failure::Connection, "down".into())));
        let one = vec![Err((Failure::Request, "x".to_string())), ok(Value::Okay)];
        assert_eq!(combine(&Combine::OneSucceeded, one), Ok(Value::Okay));
        let keys = vec![ok(Value::Nil), ok(Value::BulkString(b"k".to_vec())), ok(Value::Nil)];
        assert_eq!(combine(&Combine::FirstNonNil, keys), Ok(Value::BulkString(b"k".to_vec())));
        assert_eq!(combine(&Combine::FirstNonNil, vec![ok(Value::Nil), ok(Value::Nil)]), Ok(Value::Nil));
        let channels = vec![ok(Value::Array(vec![Value::Int(1), Value::Int(2)])), ok(Value::Array(vec![Value::Int(2), Value::Int(3)]))];
        assert_eq!(combine(&Combine::Union, channels), Ok(Value::Array(vec![Value::Int(1), Value::Int(2), Value::Int(3)])));
        let counts = vec![
            ok(Value::Array(vec![Value::BulkString(b"a".to_vec()), Value::Int(1), Value::BulkString(b"b".to_vec()), Value::Int(0)])),
            ok(Value::Map(vec![(Value::BulkString(b"a".to_vec()), Value::Int(2)), (Value::BulkString(b"b".to_vec()), Value::Int(1))])),
        ];
        assert_eq!(
            combine(&Combine::SumCounts, counts),
            Ok(Value::Map(vec![(Value::BulkString(b"a".to_vec()), Value::Int(3)), (Value::BulkString(b"b".to_vec()), Value::Int(1))]))
        );
        let lists = vec![ok(Value::Array(vec![Value::Int(1)])), ok(Value::Array(vec![])), ok(Value::Array(vec![Value::Int(2)]))];
        assert_eq!(combine(&Combine::Concat, lists), Ok(Value::Array(vec![Value::Int(1), Value::Int(2)])));
        assert!(combine(&Combine::Concat, vec![ok(Value::Int(1))]).is_err());
        let nodes = Combine::PerNode(vec![Address::new("a", 1), Address::new("b", 2)]);
        assert_eq!(
            combine(&nodes, vec![ok(Value::Int(1)), ok(Value::Int(2))]),
            Ok(Value::Map(vec![
                (Value::SimpleString("a:1".into()), Value::Int(1)),
                (Value::SimpleString("b:2".into()), Value::Int(2)),
            ]))
        );
    }
}
