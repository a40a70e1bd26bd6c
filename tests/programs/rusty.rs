//! rusty: Rust's standard library over WASI: arguments, environment, a HashMap (seeded from
//! random_get), files in a preopened directory, and an exit code.
//! Usage: rusty DIR [ARGS...] (DIR holds input.txt); exits with status 5.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::io::{self, ErrorKind, Write};
use std::process;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    println!("{} arguments after argv[0]; after DIR: {:?}", args.len(), &args[args.len().min(1)..]);
    println!("GREETING = {:?}", env::var("GREETING").ok());
    println!("NOT_SET = {:?}", env::var("NOT_SET").ok());
    let dir = args.first().cloned().unwrap_or_else(|| ".".to_string());

    let text = fs::read_to_string(format!("{}/input.txt", dir)).expect("read input.txt");
    let mut freq: HashMap<String, usize> = HashMap::new();
    for word in text.split_whitespace() {
        let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
        *freq.entry(w).or_insert(0) += 1;
    }
    let mut counts: Vec<(String, usize)> = freq.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("{} distinct words; most frequent:", counts.len());
    for (w, c) in counts.iter().take(4) {
        println!("  {:<8} {}", w, c);
    }

    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8 name"))
        .collect();
    names.sort();
    println!("entries: {:?}", names);

    let out = format!("{}/rust-out.txt", dir);
    fs::write(&out, "written by Rust\n").expect("write");
    let mut f = fs::OpenOptions::new().append(true).open(&out).expect("open for append");
    writeln!(f, "and appended").expect("append");
    drop(f);
    print!("{}", fs::read_to_string(&out).expect("read back"));
    println!("rust-out.txt is {} bytes", fs::metadata(&out).expect("metadata").len());
    fs::remove_file(&out).expect("remove");
    match fs::metadata(&out) {
        Err(e) if e.kind() == ErrorKind::NotFound => println!("removed: NotFound"),
        other => println!("unexpected: {:?}", other.map(|m| m.len())),
    }

    let squares: u64 = (1..=1000u64).map(|i| i * i).sum();
    println!("sum of squares {} ; 2^100 = {} ; pi = {:.6}", squares, 1u128 << 100, std::f64::consts::PI);
    io::stdout().flush().expect("flush");
    process::exit(5);
}
