//! The folder tree of the document store: recursive walks over nodes, and the axum handlers
//! that render parts of the tree.

use std::collections::HashMap;
use std::fmt;

use axum::extract::{Path, Query};
use axum::Json;
use serde::Serialize;

const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, Serialize)]
pub struct Folder {
    pub id: u64,
    pub name: String,
    pub parent: Option<Box<Folder>>,
    pub children: Vec<Folder>,
}

/// Forgot to stop at the root: unwrap() on the root's `None`, or a stack overflow on a cycle.
pub fn path_of(folder: &Folder) -> Vec<String> {
    let mut names = path_of(folder.parent.as_deref().unwrap()); // expect: unbounded-loop
    names.push(folder.name.clone());
    names
}

pub fn path_to_root(folder: &Folder) -> Vec<String> {
    let mut names = match &folder.parent {
        Some(parent) => path_to_root(parent), // ok: unbounded-loop
        None => Vec::new(),
    };
    names.push(folder.name.clone());
    names
}

pub fn size(folder: &Folder) -> usize {
    1 + folder.children.iter().map(size).sum::<usize>()
}

pub fn count(folder: &Folder) -> usize {
    1 + folder.children.iter().map(|c| count(c)).sum::<usize>() // ok: unbounded-loop
}

pub fn deepest(folder: &Folder) -> usize {
    if folder.children.is_empty() {
        return 1;
    }
    1 + deepest(&folder.children[0]) // ok: unbounded-loop
}

pub fn first_named(folder: &Folder, name: &str) -> Option<u64> {
    let child = folder.children.first()?;
    first_named(child, name) // ok: unbounded-loop
}

pub fn has_name(folder: &Folder, name: &str) -> bool {
    folder.name == name || has_name(&folder.children[0], name) // ok: unbounded-loop
}

pub fn last_child(folder: &Folder) -> &Folder {
    last_child(folder.children.last().expect("a child")) // expect: unbounded-loop
}

pub struct FolderCache {
    by_id: HashMap<u64, Folder>,
}

impl FolderCache {
    pub fn new() -> Self {
        Self::new() // expect: unbounded-loop
    }

    pub fn empty() -> Self {
        FolderCache { by_id: HashMap::new() } // ok: unbounded-loop
    }

    pub fn len(&self) -> usize {
        self.len() // expect: unbounded-loop
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty() // ok: unbounded-loop
    }

    pub fn insert_all(&mut self, folder: Folder) {
        for child in folder.children.clone() {
            self.insert_all(child); // ok: unbounded-loop
        }
        self.by_id.insert(folder.id, folder);
    }

    pub fn get(&self, id: u64) -> Option<&Folder> {
        get(&self.by_id, id) // ok: unbounded-loop
    }
}

fn get(by_id: &HashMap<u64, Folder>, id: u64) -> Option<&Folder> {
    by_id.get(&id)
}

impl fmt::Display for FolderCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} folders", self.by_id.len())
    }
}

impl Extend<Folder> for FolderCache {
    fn extend<I: IntoIterator<Item = Folder>>(&mut self, iter: I) {
        for folder in iter {
            self.by_id.insert(folder.id, folder);
        }
    }
}

pub trait Walk {
    fn walk(&self, visit: &mut dyn FnMut(&Folder));
}

impl Walk for Folder {
    fn walk(&self, visit: &mut dyn FnMut(&Folder)) {
        visit(self);
        for child in &self.children {
            child.walk(visit); // ok: unbounded-loop
        }
    }
}

fn trimmed(folder: &Folder, depth: usize) -> Folder {
    if depth == 0 {
        return Folder { children: Vec::new(), ..folder.clone() };
    }
    Folder {
        children: folder.children.iter().map(|c| trimmed(c, depth - 1)).collect(), // expect: unbounded-loop
        ..folder.clone()
    }
}

fn outline(folder: &Folder, levels: usize) -> Vec<String> {
    if levels == 0 {
        return vec![folder.name.clone()];
    }
    let mut lines = vec![folder.name.clone()];
    for child in &folder.children {
        lines.extend(outline(child, levels - 1)); // ok: unbounded-loop
    }
    lines
}

pub async fn folder_tree(
    Path(id): Path<u64>,
    Query(params): Query<HashMap<String, String>>,
) -> Json<Folder> {
    let depth = params["depth"].parse::<usize>().unwrap_or(2);
    Json(trimmed(&load(id), depth))
}

pub async fn folder_outline(
    Path(id): Path<u64>,
    Query(params): Query<HashMap<String, String>>,
) -> Json<Vec<String>> {
    let levels = params["levels"].parse::<usize>().unwrap_or(2).min(MAX_DEPTH);
    Json(outline(&load(id), levels))
}

fn load(id: u64) -> Folder {
    Folder { id, name: String::new(), parent: None, children: Vec::new() }
}
