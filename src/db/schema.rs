//! The one diesel schema for both backends. Kept by hand: column types are the portable subset
//! (Integer, Text, Bool, Timestamp, Date) so the same queries run on SQLite and PostgreSQL.

diesel::table! {
    programmes (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        local_language -> Text,
        areas -> Text,
        interests -> Text,
        checkin_every_days -> Integer,
        weights -> Text,
        created_at -> Timestamp,
        response_days -> Integer,
        stall_periods -> Integer,
        trust_threshold -> Integer,
        regular_periods -> Integer,
        unconfirmed_days -> Integer,
        retention_months -> Integer,
        archived_at -> Nullable<Timestamp>,
        translations -> Text,
        phone_region -> Nullable<Text>,
    }
}

diesel::table! {
    participants (id) {
        id -> Integer,
        programme_id -> Integer,
        first_name -> Text,
        last_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        message_language -> Text,
        role -> Text,
        volunteer -> Bool,
        capacity -> Integer,
        birth_year -> Nullable<Integer>,
        gender -> Nullable<Text>,
        languages -> Text,
        practise_languages -> Text,
        interests -> Text,
        availability -> Integer,
        area -> Nullable<Text>,
        max_travel_km -> Integer,
        online_ok -> Bool,
        household_adults -> Integer,
        household_children -> Integer,
        is_minor -> Bool,
        pref_buddy_gender -> Nullable<Text>,
        pref_family -> Bool,
        pref_age_min -> Nullable<Integer>,
        pref_age_max -> Nullable<Integer>,
        pref_outside_language_community -> Bool,
        share_domains -> Text,
        learn_domains -> Text,
        safeguarding_cleared -> Bool,
        status -> Text,
        confirmed_at -> Nullable<Timestamp>,
        waiting_since -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        main_language -> Nullable<Text>,
        partner_left_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    household_members (id) {
        id -> Integer,
        participant_id -> Integer,
        first_name -> Text,
        birth_year -> Nullable<Integer>,
    }
}

diesel::table! {
    role_history (id) {
        id -> Integer,
        participant_id -> Integer,
        role -> Text,
        volunteer -> Bool,
        since -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> Integer,
        participant_id -> Integer,
        purpose -> Text,
        notice_version -> Text,
        language -> Text,
        given_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    participant_tokens (id) {
        id -> Integer,
        participant_id -> Integer,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        message_id -> Text,
        recipient -> Text,
        language -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        claimed_by -> Nullable<Text>,
    }
}

diesel::table! {
    coordinators (id) {
        id -> Integer,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    coordinator_programmes (coordinator_id, programme_id) {
        coordinator_id -> Integer,
        programme_id -> Integer,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        coordinator_id -> Integer,
        token_hash -> Text,
        label -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    matching_runs (id) {
        id -> Integer,
        programme_id -> Integer,
        started_by -> Nullable<Integer>,
        objective -> Text,
        weights -> Text,
        status -> Text,
        progress -> Text,
        seekers -> Integer,
        buddies -> Integer,
        feasible_pairs -> Integer,
        matched -> Integer,
        total_score -> Integer,
        duration_ms -> Integer,
        unmatched -> Text,
        error -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        fairness -> Nullable<Text>,
    }
}

diesel::table! {
    matches (id) {
        id -> Integer,
        programme_id -> Integer,
        run_id -> Nullable<Integer>,
        seeker_id -> Integer,
        buddy_id -> Integer,
        score -> Integer,
        reasons -> Text,
        status -> Text,
        stage -> Nullable<Text>,
        seeker_response -> Nullable<Text>,
        buddy_response -> Nullable<Text>,
        reject_reason -> Nullable<Text>,
        decided_by -> Nullable<Integer>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
        active_since -> Nullable<Timestamp>,
        stage_since -> Nullable<Timestamp>,
        paused_until -> Nullable<Date>,
        closed_at -> Nullable<Timestamp>,
        close_reason -> Nullable<Text>,
        stage_checked_at -> Nullable<Timestamp>,
        resumed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pair_rules (id) {
        id -> Integer,
        programme_id -> Integer,
        seeker_id -> Integer,
        buddy_id -> Integer,
        kind -> Text,
        reason -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    volunteer_readiness (participant_id) {
        participant_id -> Integer,
        code_of_conduct_signed_at -> Nullable<Timestamp>,
        safeguarding_training_at -> Nullable<Timestamp>,
        first_aid_training_at -> Nullable<Timestamp>,
        child_safeguarding_training_at -> Nullable<Timestamp>,
        background_check_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    coordinator_sessions (id) {
        id -> Integer,
        coordinator_id -> Integer,
        token_hash -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Integer,
        email -> Text,
        succeeded -> Bool,
        at -> Timestamp,
        client -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        coordinator_id -> Nullable<Integer>,
        programme_id -> Nullable<Integer>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Nullable<Integer>,
        detail -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    erasures (id) {
        id -> Integer,
        programme_id -> Integer,
        role -> Text,
        volunteer -> Bool,
        was_matched -> Bool,
        erased_at -> Timestamp,
    }
}

diesel::table! {
    checkins (id) {
        id -> Integer,
        match_id -> Integer,
        participant_id -> Integer,
        side -> Text,
        period -> Integer,
        due_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
        recorded_by -> Nullable<Integer>,
        met -> Nullable<Text>,
        met_in_person -> Bool,
        met_online -> Bool,
        met_by_phone -> Bool,
        going -> Nullable<Integer>,
        trust -> Nullable<Integer>,
        gave -> Text,
        received -> Text,
        go_on -> Nullable<Text>,
        pause_until -> Nullable<Date>,
        end_reason -> Nullable<Text>,
        carry_on_without_programme -> Bool,
        wants_to_volunteer -> Bool,
        note -> Nullable<Text>,
        belonging -> Nullable<Integer>,
        conversation -> Nullable<Integer>,
        created_at -> Timestamp,
        going_next_at -> Nullable<Timestamp>,
        belonging_next_at -> Nullable<Timestamp>,
        belonging_first -> Nullable<Integer>,
        belonging_first_at -> Nullable<Timestamp>,
        conversation_next_at -> Nullable<Timestamp>,
        conversation_first -> Nullable<Integer>,
        conversation_first_at -> Nullable<Timestamp>,
        programme_id -> Nullable<Integer>,
    }
}

diesel::table! {
    stage_day_deltas (id) {
        id -> BigInt,
        programme_id -> Integer,
        stage -> Text,
        day -> Text,
        delta -> Integer,
    }
}

diesel::table! {
    match_stage_changes (id) {
        id -> Integer,
        match_id -> Integer,
        stage -> Text,
        changed_at -> Timestamp,
        changed_by -> Nullable<Integer>,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    match_notes (id) {
        id -> Integer,
        match_id -> Integer,
        author_id -> Nullable<Integer>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    concerns (id) {
        id -> Integer,
        programme_id -> Integer,
        match_id -> Nullable<Integer>,
        raised_by_participant -> Nullable<Integer>,
        side -> Nullable<Text>,
        body -> Text,
        created_at -> Timestamp,
        handled_at -> Nullable<Timestamp>,
        handled_by -> Nullable<Integer>,
    }
}

diesel::table! {
    signup_attempts (id) {
        id -> Integer,
        programme_id -> Integer,
        client -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    signup_mails (id) {
        id -> Integer,
        address -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    service_keys (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::joinable!(participants -> programmes (programme_id));
diesel::joinable!(household_members -> participants (participant_id));
diesel::joinable!(role_history -> participants (participant_id));
diesel::joinable!(consents -> participants (participant_id));
diesel::joinable!(participant_tokens -> participants (participant_id));
diesel::joinable!(coordinator_programmes -> coordinators (coordinator_id));
diesel::joinable!(coordinator_programmes -> programmes (programme_id));
diesel::joinable!(api_tokens -> coordinators (coordinator_id));
diesel::joinable!(matching_runs -> programmes (programme_id));
diesel::joinable!(matches -> matching_runs (run_id));
diesel::joinable!(pair_rules -> programmes (programme_id));
diesel::joinable!(volunteer_readiness -> participants (participant_id));
diesel::joinable!(coordinator_sessions -> coordinators (coordinator_id));
diesel::joinable!(checkins -> matches (match_id));
diesel::joinable!(checkins -> participants (participant_id));
diesel::joinable!(match_stage_changes -> matches (match_id));
diesel::joinable!(match_notes -> matches (match_id));
diesel::joinable!(concerns -> matches (match_id));
diesel::joinable!(concerns -> programmes (programme_id));

diesel::allow_tables_to_appear_in_same_query!(
    programmes,
    participants,
    household_members,
    role_history,
    consents,
    participant_tokens,
    outbox,
    coordinators,
    coordinator_programmes,
    api_tokens,
    matching_runs,
    matches,
    pair_rules,
    volunteer_readiness,
    coordinator_sessions,
    login_attempts,
    audit_log,
    erasures,
    checkins,
    match_stage_changes,
    match_notes,
    concerns,
    signup_attempts,
    signup_mails,
    service_keys,
);
