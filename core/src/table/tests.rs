//! The table under one process, then hammered by several forked ones.

use super::*;
use std::time::{Duration, Instant};

fn columns() -> Columns {
    let mut c = Columns::default();
    c.add(b"i", ColumnType::Int, 0).unwrap();
    c.add(b"f", ColumnType::Float, 0).unwrap();
    c.add(b"s", ColumnType::String, 5).unwrap();
    c
}

const I: usize = 0;
const F: usize = 1;
const S: usize = 2;

fn table(rows: u64) -> Table {
    Table::create(rows, columns()).unwrap()
}

fn get(t: &Table, key: &[u8]) -> Option<(i64, f64, Vec<u8>)> {
    let mut out = Vec::new();
    if !t.get(key, &mut out) {
        return None;
    }
    let c = t.columns();
    let (Value::Int(i), Value::Float(f), Value::Str(s)) =
        (decode(c.get(I), &out), decode(c.get(F), &out), decode(c.get(S), &out))
    else {
        panic!("column types")
    };
    Some((i, f, s.to_vec()))
}

fn fork(child: impl FnOnce()) -> libc::pid_t {
    // SAFETY: the child runs `child` and _exits; callers hold FORK_LOCK.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(child)).is_ok();
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }
    assert!(pid > 0);
    pid
}

fn reap(pid: libc::pid_t) -> i32 {
    let mut status = 0;
    // SAFETY: waiting for our own child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 }
}

#[test]
fn operations_behave_as_swoole() {
    let t = table(64);
    assert_eq!(t.size(), 64);
    t.set(b"a", &[(I, Value::Int(1)), (S, Value::Str(b"abcdefghijklmnop"))]).unwrap();
    assert_eq!(get(&t, b"a"), Some((1, 0.0, b"abcdefgh".to_vec())), "strings are cut to the column");
    assert_eq!(t.add(b"a", &[(I, Value::Int(2))]), Ok(false));
    assert!(t.update(b"a", &[(I, Value::Int(3))]));
    assert!(!t.update(b"zz", &[(I, Value::Int(3))]));
    assert!(!t.exists(b"zz"));
    t.set(b"a", &[(F, Value::Float(2.5))]).unwrap();
    assert_eq!(get(&t, b"a"), Some((3, 2.5, b"abcdefgh".to_vec())), "set() keeps the columns not given");
    assert!(t.cmpset(b"a", &[(I, Value::Int(3))], &[(I, Value::Int(4))]));
    assert!(!t.cmpset(b"a", &[(I, Value::Int(3))], &[(I, Value::Int(5))]));
    assert!(!t.cmpset(b"a", &[(S, Value::Str(b"abcdefghijklmnop"))], &[(I, Value::Int(5))]));
    assert!(t.cmpset(b"a", &[(S, Value::Str(b"abcdefgh")), (F, Value::Float(2.5))], &[(I, Value::Int(6))]));
    assert!(!t.cmpset(b"nokey", &[(I, Value::Int(0))], &[(I, Value::Int(1))]));
    assert_eq!(t.incr(b"c", I, Number::Int(1)), Ok(Number::Int(1)));
    assert_eq!(t.incr(b"c", I, Number::Int(10)), Ok(Number::Int(11)));
    assert_eq!(t.incr(b"c", F, Number::Float(2.5)), Ok(Number::Float(2.5)));
    assert_eq!(t.incr(b"c", I, Number::Int(i64::MAX)), Ok(Number::Int(11i64.wrapping_add(i64::MAX))));
    assert!(!t.cmpdel(b"c", &[(I, Value::Int(0))]));
    assert!(t.cmpdel(b"c", &[(F, Value::Float(2.5))]));
    assert!(!t.exists(b"c"));
    t.set(b"b", &[(I, Value::Int(9)), (S, Value::Str(b"xy"))]).unwrap();
    let mut out = Vec::new();
    assert!(t.getdel(b"b", &mut out));
    assert_eq!(decode(t.columns().get(S), &out), Value::Str(b"xy"));
    assert!(!t.getdel(b"b", &mut out));
    assert!(t.get_column(b"a", S, &mut out));
    assert_eq!(decode(t.columns().get(S), &out), Value::Str(b"abcdefgh"));
    assert!(t.del(b"a") && !t.del(b"a"));
    let s = t.stats();
    assert_eq!((s.num, s.insert_count, s.update_count, s.delete_count), (0, 3, 7, 3));
    assert_eq!((s.available_slice_num, s.total_slice_num), (64, 64));
}

/// Every key hashes alike: the worst case for any hash table, and the
/// table still takes exactly as many keys as it has rows.
#[test]
fn full_capacity_whatever_the_hashes() {
    let t = table(64).with_constant_hash();
    for i in 0..64 {
        t.set(format!("key{i}").as_bytes(), &[(I, Value::Int(i))]).unwrap();
    }
    assert_eq!(t.set(b"one more", &[(I, Value::Int(0))]), Err(Full));
    assert_eq!(t.incr(b"one more", I, Number::Int(1)), Err(Full));
    assert_eq!(t.add(b"one more", &[]), Err(Full));
    assert_eq!(t.count(), 64);
    for i in (0..64).step_by(3) {
        assert!(t.del(format!("key{i}").as_bytes()));
    }
    for i in 0..64 {
        assert_eq!(t.exists(format!("key{i}").as_bytes()), i % 3 != 0, "key{i}");
    }
    for i in (0..64).step_by(3) {
        t.set(format!("new{i}").as_bytes(), &[(I, Value::Int(-i))]).unwrap();
    }
    assert_eq!(t.set(b"one more", &[]), Err(Full));
    let mut seen = 0;
    let (mut at, mut out) = (0, Vec::new());
    while let Some(slot) = t.next_row(at, &mut out) {
        let key = Table::decode_key(&out);
        assert!(key.starts_with(b"key") || key.starts_with(b"new"));
        seen += 1;
        at = slot + 1;
    }
    assert_eq!(seen, 64);
    assert_eq!(t.stats().conflict_max_level, 63);
}

/// Four processes incr the same 16 keys: the sums are exact.
#[test]
fn concurrent_incr_is_exact() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    let t = table(64);
    let kids: Vec<_> = (0..4)
        .map(|_| {
            fork(|| {
                for n in 0..20_000 {
                    let key = format!("k{}", n % 16);
                    t.incr(key.as_bytes(), I, Number::Int(1)).unwrap();
                    t.incr(key.as_bytes(), F, Number::Float(0.5)).unwrap();
                }
            })
        })
        .collect();
    kids.into_iter().for_each(|k| assert_eq!(reap(k), 0));
    for k in 0..16 {
        assert_eq!(get(&t, format!("k{k}").as_bytes()).map(|r| (r.0, r.1)), Some((5000, 2500.0)));
    }
}

/// Writers keep every row self-consistent (i, f and s all say the same
/// number); readers, in other processes, must never see a mix.
#[test]
fn readers_never_see_torn_rows() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    let mut c = Columns::default();
    c.add(b"i", ColumnType::Int, 0).unwrap();
    c.add(b"f", ColumnType::Float, 0).unwrap();
    c.add(b"s", ColumnType::String, 64).unwrap();
    let t = Table::create(64, c).unwrap();
    let row = |n: i64| {
        let s = n.to_string().repeat(1 + (n % 7) as usize);
        (n, s)
    };
    for k in 0..8 {
        let (n, s) = row(0);
        t.set(format!("r{k}").as_bytes(), &[(I, Value::Int(n)), (F, Value::Float(n as f64)), (S, Value::Str(s.as_bytes()))])
            .unwrap();
    }
    let t = &t;
    let writers: Vec<_> = (0..2)
        .map(|w| {
            fork(move || {
                for n in 1..30_000i64 {
                    let (n, s) = row(n * 2 + w);
                    let key = format!("r{}", n % 8);
                    let vals = [(I, Value::Int(n)), (F, Value::Float(n as f64)), (S, Value::Str(s.as_bytes()))];
                    t.set(key.as_bytes(), &vals).unwrap();
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            fork(|| {
                let c = t.columns();
                let (mut out, mut checked) = (Vec::new(), 0);
                let end = Instant::now() + Duration::from_millis(400);
                while Instant::now() < end {
                    for k in 0..8 {
                        assert!(t.get(format!("r{k}").as_bytes(), &mut out));
                        let (Value::Int(i), Value::Float(f), Value::Str(s)) =
                            (decode(c.get(I), &out), decode(c.get(F), &out), decode(c.get(S), &out))
                        else {
                            panic!()
                        };
                        assert_eq!(i as f64, f);
                        assert_eq!(s, row(i).1.as_bytes(), "a torn row");
                        checked += 1;
                    }
                    let mut at = 0;
                    while let Some(slot) = t.next_row(at, &mut out) {
                        let data = &out[layout::KEY_WORDS..];
                        let (Value::Int(i), Value::Str(s)) = (decode(c.get(I), data), decode(c.get(S), data)) else {
                            panic!()
                        };
                        assert_eq!(s, row(i).1.as_bytes(), "a torn row while iterating");
                        at = slot + 1;
                    }
                }
                assert!(checked > 100);
            })
        })
        .collect();
    writers.into_iter().chain(readers).for_each(|k| assert_eq!(reap(k), 0));
}

/// Inserts and deletes from several processes on colliding keys (one long
/// cluster, so deletes shift entries all the time) while readers check that
/// keys nobody deletes stay findable.
#[test]
fn churn_keeps_every_other_key_findable() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    let t = table(128).with_constant_hash();
    for k in 0..32 {
        t.set(format!("stay{k}").as_bytes(), &[(I, Value::Int(k))]).unwrap();
    }
    let done = crate::shm::SharedSlice::<AtomicU32>::new(1).unwrap();
    let (t, done) = (&t, &done);
    let churners: Vec<_> = (0..2)
        .map(|w| {
            fork(move || {
                let churn = std::panic::catch_unwind(|| {
                    for n in 0..20_000 {
                        let key = format!("tmp{w}-{}", n % 29);
                        t.set(key.as_bytes(), &[(I, Value::Int(n))]).unwrap();
                        assert!(t.del(key.as_bytes()), "{key} lost");
                    }
                });
                // Even after a failure: the readers stop on it.
                done[0].fetch_add(1, Ordering::Release);
                churn.unwrap();
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|r| {
            fork(move || {
                let give_up = Instant::now() + Duration::from_secs(20);
                while done[0].load(Ordering::Acquire) < 2 && Instant::now() < give_up {
                    for k in (r..32).step_by(2) {
                        assert_eq!(get(t, format!("stay{k}").as_bytes()).map(|r| r.0), Some(k), "stay{k} lost");
                    }
                }
            })
        })
        .collect();
    churners.into_iter().chain(readers).for_each(|k| assert_eq!(reap(k), 0));
    assert_eq!(t.count(), 32);
}

/// A process killed inside a row write, or holding the structure lock: the
/// next writer goes on (within a second), and nothing is lost.
#[test]
fn dead_writers_are_recovered() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    let t = table(64);
    for k in 0..10 {
        t.set(format!("k{k}").as_bytes(), &[(I, Value::Int(k))]).unwrap();
    }
    let ready = crate::shm::SharedSlice::<AtomicU32>::new(1).unwrap();
    for case in ["row", "structure"] {
        ready[0].store(0, Ordering::Relaxed);
        let holder = fork(|| {
            let slot = t.find(&Key::new(b"k3"), t.hash(b"k3")).unwrap();
            let _row;
            if case == "row" {
                _row = t.slot(slot).lock();
            } else {
                let _ = mutex_lock(&t.header().structure, false, None);
            }
            ready[0].store(1, Ordering::Release);
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        });
        while ready[0].load(Ordering::Acquire) == 0 {
            std::thread::yield_now();
        }
        // SAFETY: killing our own child.
        unsafe { libc::kill(holder, libc::SIGKILL) };
        reap(holder);
        let start = Instant::now();
        t.set(b"k3", &[(I, Value::Int(33))]).unwrap();
        t.set(b"new", &[(I, Value::Int(1))]).unwrap();
        assert!(start.elapsed() < Duration::from_secs(1), "{case}: {:?}", start.elapsed());
        assert_eq!(get(&t, b"k3").map(|r| r.0), Some(33));
        for k in (0..10).filter(|&k| k != 3) {
            assert_eq!(get(&t, format!("k{k}").as_bytes()).map(|r| r.0), Some(k), "{case}");
        }
        assert!(t.del(b"new"));
        assert_eq!(t.count(), 10);
    }
}
