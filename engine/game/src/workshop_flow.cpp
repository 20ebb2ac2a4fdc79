// Workshop intents: start, resume, decide, pause, reveal, move on. Each decision
// is saved to the results store before the screen moves on (when results are on).
#include "game_state.hpp"
#include "i18n.hpp"

namespace frontline::game {

std::vector<WorkshopScenario> workshop_scenarios(const GameState& g, const results::WorkshopRecord& r) {
    std::vector<WorkshopScenario> out;
    for (const results::QueuedScenario& q : r.queue) {
        WorkshopScenario found;
        for (const LibraryEntry& e : g.library)
            if (e.ok() && e.scenario().id == q.scenario_id && e.scenario().content_hash == q.content_hash)
                found = {&e.scenario(), &*e.loaded.bounds};
        out.push_back(found);
    }
    return out;
}

namespace {

void open_workshop(GameState& g, const results::WorkshopRecord& record, std::optional<results::WorkshopId> saved_as) {
    std::string error;
    auto w = Workshop::restore(record, workshop_scenarios(g, record), error);
    if (!w) {
        g.workshop_error = fmt(tr("This workshop cannot go on: %s."), error.c_str());
        return;
    }
    g.workshop_error.clear();
    g.workshop = std::move(*w);
    g.results.workshop = saved_as;
    g.screen = g.workshop->finished() ? Screen::workshop_summary : Screen::workshop;
    // Projector defaults: a room reads this from the back.
    if (g.settings.ui_scale_percent < 150) {
        g.scale_before_workshop = g.settings.ui_scale_percent;  // given back when the workshop is left
        g.settings.ui_scale_percent = 150;
        g.settings_changed = true;
    }
}

// --- Phones ---------------------------------------------------------------------------

/// Starts the vote server for the workshop on screen. `port`: the one a resumed
/// workshop's phones joined on, tried first (any free port when it is taken).
void start_phones(GameState& g, std::optional<int> port = std::nullopt) {
    PhoneLink link;
#ifndef FRONTLINE_HAS_PHONES
    (void)port;
    link.error = "this build has no phone vote";
    g.phones = std::move(link);
#else
    phones::ServerOptions o;
    o.bind = g.phone_options.bind;
    o.port = g.phone_options.port;
    o.pages = g.phone_options.pages;
    std::string error;
    if (port) o.port = *port;
    std::unique_ptr<phones::PhoneServer> server = phones::PhoneServer::start(o, error);
    if (!server && port && *port != 0) {  // the old port is taken now: any free one
        o.port = 0;
        server = phones::PhoneServer::start(o, error);
    }
    if (!server) {
        link.error = error;  // the projector says so; typed votes carry on
        g.phones = std::move(link);
        return;
    }
    // Votes arrive on the server's threads: they only wake the loop, which reads
    // the room under its lock (sync_phones).
    server->set_on_change([waker = g.waker] { (*waker)(); });
    if (o.bind == "0.0.0.0") {
        std::vector<std::string> lan = phones::lan_addresses();
        link.host = lan.empty() ? "127.0.0.1" : lan.front();
    } else {
        link.host = o.bind;
    }
    if (g.workshop && g.workshop->style() == WorkshopStyle::hot_seat) {
        // Teams take turns: each phone picks its team, and only the team on the seat votes.
        std::vector<std::string> names;
        for (const results::WorkshopTeam& t : g.workshop->record().teams) names.push_back(t.name);
        server->with_room([&](phones::VoteRoom& room) { room.set_teams(names); });
        link.team_names = names;
    }
    link.server = std::move(server);
    g.phones = std::move(link);
    sync_phones(g);
    // Kept with the workshop, so resuming it opens the vote to the phones again.
    if (ResultsLink& r = g.results; r.on() && r.workshop && (!port || *port != g.phones->server->port()))
        if (auto saved = r.store->set_workshop_phone_port(*r.workshop, g.phones->server->port()); !saved)
            results_failed(r, saved.error());
#endif
}

void save_step(GameState& g, const results::WorkshopStep& step) {
    ResultsLink& r = g.results;
    if (!r.on() || !r.workshop) return;
    if (auto saved = r.store->record_workshop_step(*r.workshop, step); !saved) return results_failed(r, saved.error());
    if (g.workshop->finished())
        if (auto done = r.store->finish_workshop(*r.workshop); !done) results_failed(r, done.error());
}

}  // namespace

void handle(GameState& g, const intent::OpenWorkshopSetup&) {
    g.workshop_error.clear();
    g.screen = Screen::workshop_setup;
}

void handle(GameState& g, const intent::StartWorkshop& v) {
    std::optional<results::WorkshopId> id;
    results::WorkshopRecord setup = v.setup;
    if (setup.style == "hot-seat") {  // remembered for the next workshop
        std::vector<std::string> names;
        for (const results::WorkshopTeam& t : setup.teams) names.push_back(t.name);
        if (names != g.settings.team_names) {
            g.settings.team_names = names;
            g.settings_changed = true;
        }
    }
    if (const ChoiceOrder order = next_choice_order(g); order.shuffle) setup.shuffle_seed = order.seed;
    if (g.results.on()) {
        auto created = g.results.store->create_workshop(setup);
        if (!created) {
            if (created.error().kind == results::StoreError::Kind::invalid) {
                g.workshop_error = created.error().message;
                return;
            }
            results_failed(g.results, created.error());  // play on, unsaved, and say so
        } else {
            id = *created;
        }
    }
    open_workshop(g, setup, id);
    stop_phones(g);
    if (v.phones && g.workshop) start_phones(g);
}

void handle(GameState& g, const intent::ResumeWorkshop& v) {
    if (!g.results.on()) return;
    auto record = g.results.store->workshop(v.workshop);
    if (!record) return results_failed(g.results, record.error());
    open_workshop(g, *record, v.workshop);
    stop_phones(g);
    // The room voted from its phones: open the vote to them again (a new room code;
    // the same port when it is free, so a page left open finds the game again).
    if (record->phone_port && g.workshop && !g.workshop->finished()) start_phones(g, record->phone_port);
}

void handle(GameState& g, const intent::CloseWorkshop& v) {
    if (!g.results.on()) return;
    if (auto done = g.results.store->finish_workshop(v.workshop); !done) results_failed(g.results, done.error());
    refresh_results(g.results);
}

void handle(GameState& g, const intent::WorkshopChoose& v) {
    if (g.screen != Screen::workshop || !g.workshop || g.workshop->just_ended()) return;
    if (auto step = g.workshop->choose(v.number, v.votes)) save_step(g, *step);
}

void handle(GameState& g, const intent::WorkshopVote& v) {
    if (g.screen != Screen::workshop || !g.workshop || g.workshop->just_ended()) return;
    if (auto step = g.workshop->vote(v.votes)) save_step(g, *step);
}

void handle(GameState& g, const intent::WorkshopPause&) {
    if (g.workshop) g.workshop->paused = !g.workshop->paused;
}

void handle(GameState& g, const intent::WorkshopReveal&) {
    if (g.workshop) g.workshop->revealed = !g.workshop->revealed;
}

void handle(GameState& g, const intent::WorkshopContinue&) {
    if (!g.workshop) return;
    g.workshop->acknowledge_ending();
    if (g.workshop->finished()) {
        g.screen = Screen::workshop_summary;
        stop_phones(g);  // the workshop is over: nothing left to vote on
    }
}

void stop_phones(GameState& g) {
#ifdef FRONTLINE_HAS_PHONES
    if (g.phones && g.phones->server) g.phones->server->stop();
#endif
    g.phones.reset();
}

#ifdef FRONTLINE_HAS_PHONES
void handle(GameState& g, const intent::PhoneLock&) {
    if (!g.phones || !g.phones->server) return;
    g.phones->server->with_room([](phones::VoteRoom& room) {
        if (room.state() == phones::VoteState::open) room.lock();
        else if (room.state() == phones::VoteState::locked) room.unlock();
    });
    sync_phones(g);
}

void handle(GameState& g, const intent::PhoneReveal&) {
    if (!g.phones || !g.phones->server) return;
    g.phones->server->with_room([](phones::VoteRoom& room) {
        if (room.state() == phones::VoteState::open || room.state() == phones::VoteState::locked) room.reveal();
    });
    sync_phones(g);
}

void handle(GameState& g, const intent::PhoneNewCode&) {
    if (!g.phones || !g.phones->server) return;
    g.phones->server->with_room([](phones::VoteRoom& room) { room.new_code(); });
    sync_phones(g);
}

void handle(GameState& g, const intent::PhoneRemove& v) {
    if (!g.phones || !g.phones->server) return;
    g.phones->server->with_room([&](phones::VoteRoom& room) { room.remove(v.phone); });
    sync_phones(g);
}

void handle(GameState& g, const intent::PhoneShowNicknames&) {
    if (!g.phones || !g.phones->server) return;
    g.phones->server->with_room([](phones::VoteRoom& room) { room.show_nicknames = !room.show_nicknames; });
    sync_phones(g);
}

void sync_phones(GameState& g) {
    if (!g.phones || !g.phones->server) return;
    PhoneLink& link = *g.phones;
    // The decision on screen, if the room is deciding now.
    const Workshop* w = g.workshop ? &*g.workshop : nullptr;
    const bool deciding = g.screen == Screen::workshop && w && !w->finished() && !w->just_ended() && w->call().node();
    const size_t decision = w ? w->record().steps.size() * 1024 + w->play_index() : 0;
    phones::PhoneTurn turn;
    const int team = w && w->style() == WorkshopStyle::hot_seat && !w->finished() ? w->play().team : -1;
    if (deciding && link.opened_for != decision) {
        turn.title = w->scenario().title;
        for (const TranscriptEntry& e : w->call().transcript())
            if (e.kind == TranscriptEntry::Kind::customer) turn.line = e.text;
        const Node* node = w->call().node();
        for (int c : w->call().presented()) turn.options.push_back(node->choice(c).say);
    }
    std::string code_before = link.code;
    link.server->with_room([&](phones::VoteRoom& room) {
        if (deciding && link.opened_for != decision) {
            room.open(std::move(turn), team);
            link.opened_for = decision;
        } else if (!deciding && g.screen != Screen::workshop_summary && room.state() != phones::VoteState::waiting) {
            room.wait();  // between calls
            link.opened_for = static_cast<size_t>(-1);
        }
        link.code = room.code();
        link.phones = room.phones();
        link.voters = room.voters();
        link.state = room.state();
        link.counts = room.counts();
        link.turn_team = room.turn_team();
        link.team_phones = room.phones_per_team();
        link.roster = room.roster();
        link.show_nicknames = room.show_nicknames;
    });
    if (link.code != code_before) {
        link.join_address = phones::join_url(link.host, link.server->port(), link.code);
        link.qr = phones::qr_code(link.join_address);
    }
}
#else
void handle(GameState&, const intent::PhoneLock&) {}
void handle(GameState&, const intent::PhoneReveal&) {}
void handle(GameState&, const intent::PhoneNewCode&) {}
void handle(GameState&, const intent::PhoneRemove&) {}
void handle(GameState&, const intent::PhoneShowNicknames&) {}
void sync_phones(GameState&) {}
#endif

void handle(GameState& g, const intent::WorkshopSummaryView&) {
    if (!g.workshop) return;
    g.screen =
        g.screen == Screen::workshop_summary && !g.workshop->finished() ? Screen::workshop : Screen::workshop_summary;
}

bool leave_workshop(GameState& g) {
    // Leaving a workshop keeps it saved; the library offers to resume it.
    if (g.screen != Screen::workshop && g.screen != Screen::workshop_summary && g.screen != Screen::workshop_setup)
        return false;
    stop_phones(g);
    g.workshop.reset();
    g.results.workshop.reset();
    refresh_results(g.results);
    if (g.scale_before_workshop) {  // back to the laptop's own scale
        g.settings.ui_scale_percent = *g.scale_before_workshop;
        g.scale_before_workshop.reset();
        g.settings_changed = true;
    }
    g.screen = Screen::library;
    return true;
}

}  // namespace frontline::game
