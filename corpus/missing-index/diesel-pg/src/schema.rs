// @generated automatically by Diesel CLI.

diesel::table! {
    accounts (id) {
        id -> Int8,
        email -> Text,
        handle -> Text,
        display_name -> Text,
        status -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        last_login_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    comments (id) {
        id -> Int8,
        issue_id -> Int8,
        author_id -> Int8,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issues (id) {
        id -> Int8,
        project_id -> Int8,
        number -> Int4,
        title -> Text,
        state -> Text,
        priority -> Int2,
        reporter_id -> Int8,
        assignee_id -> Nullable<Int8>,
        opened_at -> Timestamptz,
        closed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    projects (id) {
        id -> Int8,
        owner_id -> Int8,
        slug -> Text,
        name -> Text,
        archived -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(comments -> accounts (author_id));
diesel::joinable!(comments -> issues (issue_id));
diesel::joinable!(issues -> projects (project_id));
diesel::joinable!(projects -> accounts (owner_id));

diesel::allow_tables_to_appear_in_same_query!(accounts, comments, issues, projects,);
