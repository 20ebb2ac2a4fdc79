// Workshop screens, sized for a projector (heading and body fonts only):
// set up (teams, style, queue, timer); the run (the call on the left, the
// facilitator panel and scoreboard on the right); the summary.
//
// Sections: helpers / set up / the run / summary.
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace frontline::game {

namespace {

ImVec4 hex_color(const std::string& hex) {
    unsigned v = hex.size() == 7 ? static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16)) : 0x888888u;
    return ImVec4(static_cast<float>((v >> 16) & 0xFF) / 255.0f, static_cast<float>((v >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(v & 0xFF) / 255.0f, 1.0f);
}

std::string team_name(const Workshop& w, int team) {
    return team < 0 ? std::string(tr("The class")) : w.record().teams[static_cast<size_t>(team)].name;
}

ImVec4 team_color(const Workshop& w, int team) {
    return team < 0 ? ImGui::ColorConvertU32ToFloat4(palette().accent) : hex_color(w.record().teams[static_cast<size_t>(team)].color);
}

void draw_scoreboard(const Workshop& w, UiState& ui) {
    if (ImGui::BeginTable("scoreboard", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Team"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Personal"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("Technical"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("Calls"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableHeadersRow();
        for (const TeamStanding& s : w.scoreboard()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(team_color(w, s.team), "%s", team_name(w, s.team).c_str());
            ImGui::TableNextColumn();
            if (s.calls == 0) {
                // Nothing played is not 0%: say so, and leave the needs blank.
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%s", tr("no calls yet"));
                ImGui::TableNextColumn();
            } else {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().personal), "%.0f%%", s.personal_percent);
                ImGui::TableNextColumn();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().technical), "%.0f%%", s.technical_percent);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%d", s.calls);
        }
        ImGui::EndTable();
        remember(ui, "scoreboard");
    }
}

}  // namespace

// --- Set up -------------------------------------------------------------------------

Intent draw_workshop_setup(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    heading(tr("Set up a workshop"));
    if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});
    // The buttons first: they never scroll away, whatever the scale.
    Settings s = g.settings;
    if (action_button(s.high_contrast ? tr_label("High contrast: on") : tr_label("High contrast: off"),
                      s.high_contrast)) {
        s.high_contrast = !s.high_contrast;
        keep_first(out, intent::ChangeSettings{s});
    }
    remember(ui, "high contrast");
    ImGui::SameLine();
    if (ui.workshop_queue.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                           tr("Pick at least one scenario to start."));
    } else if (action_button(tr_label("Start the workshop"), true)) {
        results::WorkshopRecord r;
        r.title = "Workshop";
        r.style = ui.workshop_vote ? "class-vote" : "hot-seat";
        r.decision_seconds = ui.workshop_seconds;
        if (ui.workshop_vote) {
            r.teams.push_back({tr("The class"), team_colors()[0]});  // one group decides together
        } else {
            for (int t = 0; t < ui.workshop_teams; ++t)
                r.teams.push_back({ui.team_names[t][0] ? std::string(ui.team_names[t]) : fmt(tr("Team %c"), 'A' + t),
                                   team_colors()[static_cast<size_t>(t)]});
        }
        for (int i : ui.workshop_queue) {
            const Scenario& sc = library_entry(g, i).scenario();
            r.queue.push_back({sc.id, sc.content_hash, sc.title});
        }
        keep_first(out, intent::StartWorkshop{r, ui.workshop_phones});
    }
    remember(ui, "start workshop");
    same_line_if_fits(tr("Back (Esc)"));
    if (action_button(tr_label("Back (Esc)"))) keep_first(out, intent::BackToLibrary{});
    remember(ui, "library");
    ImGui::Separator();
    ImGui::BeginChild("setup", ImVec2(0, 0), false);
    // The last workshop's team names, unless the facilitator has typed new ones this session.
    for (int t = 0; t < 8; ++t)
        if (ui.team_names[t][0] == '\0' && t < static_cast<int>(g.settings.team_names.size()))
            std::snprintf(ui.team_names[t], 33, "%s", g.settings.team_names[static_cast<size_t>(t)].c_str());
    if (ui.workshop_vote) {
        // The class votes as one group: there are no teams to name.
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                           tr("Class vote: the whole room decides each turn together."));
    }
    for (int t = 0; t < ui.workshop_teams && !ui.workshop_vote; ++t) {
        if (t == 0) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(fmt(tr("Teams: %d"), ui.workshop_teams).c_str());
            ImGui::SameLine();
            if (action_button(" - ") && ui.workshop_teams > 2) --ui.workshop_teams;
            remember(ui, "fewer teams");
            ImGui::SameLine();
            if (action_button(" + ") && ui.workshop_teams < 8) ++ui.workshop_teams;
            remember(ui, "more teams");
        }
        char* name = ui.team_names[t];
        if (name[0] == '\0') std::snprintf(name, 33, "%s", fmt(tr("Team %c"), 'A' + t).c_str());
        ImGui::PushID(t);
        ImGui::ColorButton("##c", hex_color(team_colors()[static_cast<size_t>(t)]), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFontSize() * 1.4f, ImGui::GetFrameHeight()));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        ImGui::InputText("##name", name, 33);
        remember(ui, "team name " + std::to_string(t));
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Style:"));
    same_line_if_fits(tr("Hot seat: teams take turns"));
    if (action_button(tr_label("Hot seat: teams take turns"), !ui.workshop_vote)) ui.workshop_vote = false;
    remember(ui, "hot seat");
    same_line_if_fits(tr("Class vote: the room decides"));
    if (action_button(tr_label("Class vote: the room decides"), ui.workshop_vote)) ui.workshop_vote = true;
    remember(ui, "class vote");
    // Class vote: the room votes from its phones. Hot seat: each phone picks its team,
    // and the team on the seat votes from its phones.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.workshop_vote ? tr("Votes:") : tr("Choices:"));
    same_line_if_fits(ui.workshop_vote ? tr("Typed by the facilitator") : tr("Clicked by the facilitator"));
    const std::string typed =
        ui.workshop_vote ? tr_label("Typed by the facilitator") : tr_label("Clicked by the facilitator");
    if (action_button(typed.c_str(), !ui.workshop_phones)) ui.workshop_phones = false;
    remember(ui, "typed votes");
    same_line_if_fits(ui.workshop_vote ? tr("Phones: the room votes from its phones")
                                       : tr("Phones: each team votes from its phones"));
    const std::string from_phones = ui.workshop_vote ? tr_label("Phones: the room votes from its phones")
                                                     : tr_label("Phones: each team votes from its phones");
    if (action_button(from_phones.c_str(), ui.workshop_phones)) ui.workshop_phones = true;
    remember(ui, "phones");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Decision timer:"));
    for (int secs : {60, 90, 120, 180}) {
        ImGui::SameLine();
        std::string label = fmt(tr("%d s"), secs) + "###" + std::to_string(secs);
        if (action_button(label.c_str(), ui.workshop_seconds == secs)) ui.workshop_seconds = secs;
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Queue (click in the order to play):"));
    for (int i = 0; i < static_cast<int>(g.library.size()); ++i) {
        const LibraryEntry& e = library_entry(g, i);
        if (!e.ok()) continue;
        auto at = std::find(ui.workshop_queue.begin(), ui.workshop_queue.end(), i);
        std::string label = (at == ui.workshop_queue.end() ? std::string("   ") : std::to_string(at - ui.workshop_queue.begin() + 1) + ". ") +
                            e.display_title();
        ImGui::PushID(i);
        if (action_button(label.c_str(), at != ui.workshop_queue.end())) {
            if (at == ui.workshop_queue.end()) ui.workshop_queue.push_back(i);
            else ui.workshop_queue.erase(at);
        }
        ImGui::PopID();
        remember(ui, "queue " + std::to_string(i));
    }
    ImGui::EndChild();
    return out;
}

// --- The run -------------------------------------------------------------------------

namespace {

/// Folded under the phone controls: a new room code, nicknames on or off, and the
/// joined phones by number (nicknames only when shown), each with a remove button, in
/// a short scrolling list.
void draw_phone_list(const PhoneLink& link, UiState& ui, Intent& out) {
    const std::string header =
        fmt(tr("Phones in the room (%d)"), static_cast<int>(link.roster.size())) + "###phone list";
    const bool open = ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_FramePadding);
    remember(ui, "phone list");
    if (!open) return;
    if (action_button(tr_label("New code"))) keep_first(out, intent::PhoneNewCode{});
    remember(ui, "new code");
    same_line_if_fits(link.show_nicknames ? tr("Nicknames: shown") : tr("Nicknames: hidden"));
    if (action_button(link.show_nicknames ? tr_label("Nicknames: shown") : tr_label("Nicknames: hidden"),
                      link.show_nicknames))
        keep_first(out, intent::PhoneShowNicknames{});
    remember(ui, "show nicknames");
    if (link.roster.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().text_dim), "%s", tr("No phone has joined yet."));
    } else {
        const float row = ImGui::GetFrameHeightWithSpacing();
        const float rows = static_cast<float>(std::min<size_t>(link.roster.size(), 4));
        ImGui::BeginChild("phones", ImVec2(0, row * rows), false);
        for (const phones::PhoneEntry& e : link.roster) {
            ImGui::PushID(e.phone);
            std::string label = fmt(tr("Phone %d"), e.phone);
            if (!e.nickname.empty()) label += "  " + e.nickname;
            if (e.team >= 0 && e.team < static_cast<int>(link.team_names.size()))
                label += "  (" + link.team_names[static_cast<size_t>(e.team)] + ")";
            if (action_button(tr_label("Remove"))) keep_first(out, intent::PhoneRemove{e.phone});
            remember(ui, "remove phone " + std::to_string(e.phone));
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopID();
        }
        ImGui::EndChild();
        remember(ui, "phone rows");
    }
    ImGui::TreePop();
}

/// The phones' vote on the decision, beside the decision itself (the call side): lock,
/// reveal (the count stays hidden until then), then use the phones' split (in hot seat,
/// the split of the team on the seat: its majority is the team's choice).
void draw_phone_vote(const PhoneLink& link, UiState& ui, Intent& out) {
    const Palette& p = palette();
    if (!link.server || link.state == phones::VoteState::waiting) return;
    const char* state = link.state == phones::VoteState::open     ? tr("voting")
                        : link.state == phones::VoteState::locked ? tr("locked")
                                                                  : tr("revealed");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(fmt(tr("Phones (%s): %d voted"), state, link.voters).c_str());
    remember(ui, "phone vote");
    if (link.state != phones::VoteState::revealed) ImGui::SameLine();
    if (link.state == phones::VoteState::open || link.state == phones::VoteState::locked) {
        if (action_button(link.state == phones::VoteState::locked ? tr_label("Unlock") : tr_label("Lock"),
                          link.state == phones::VoteState::locked))
            keep_first(out, intent::PhoneLock{});
        remember(ui, "lock phones");
        same_line_if_fits(tr("Reveal count"));
        if (action_button(tr_label("Reveal count"))) keep_first(out, intent::PhoneReveal{});
        remember(ui, "reveal phones");
    } else if (link.state == phones::VoteState::revealed) {
        std::string split;
        for (size_t k = 0; k < link.counts.size(); ++k)
            split += (k ? "  " : "") + std::to_string(k + 1) + ": " + std::to_string(link.counts[k]);
        text_wrapped_colored(p.text, split);
        remember(ui, "phone split");
        const std::optional<VoteOutcome> result = tally(link.counts);
        if (result) {
            std::string label =
                fmt(result->tie_broken ? tr("Use the phones: option %d (tie)") : tr("Use the phones: option %d"),
                    result->winner) +
                "###use phones";
            if (action_button(label.c_str(), true)) {
                if (link.turn_team >= 0) keep_first(out, intent::WorkshopChoose{result->winner, link.counts});
                else keep_first(out, intent::WorkshopVote{link.counts});
            }
            remember(ui, "use phone votes");
        }
    }
    ImGui::Spacing();
}

/// The QR code for the room to scan with, beside it the room code, how many phones
/// joined and voted, and the join address; then the list of phones, folded. Compact,
/// so the facilitator panel fits a 720-pixel projector at 150 % (the vote's own
/// controls sit with the decision: draw_phone_vote).
void draw_phones(const PhoneLink& link, UiState& ui, Intent& out) {
    const Palette& p = palette();
    if (!link.server) {
        text_wrapped_colored(p.warn, fmt(tr("Phones are off: %s. Type the room's votes instead."), link.error.c_str()));
        remember(ui, "phones off");
        return;
    }
    if (link.qr) {
        // Dark modules on a white square with its quiet zone.
        const int n = link.qr->size + 8;
        const float side = ImGui::GetFontSize() * 5;
        const float module = std::max(2.0f, std::floor(side / static_cast<float>(n)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(at, ImVec2(at.x + module * static_cast<float>(n), at.y + module * static_cast<float>(n)),
                            IM_COL32(255, 255, 255, 255));
        for (int y = 0; y < link.qr->size; ++y)
            for (int x = 0; x < link.qr->size; ++x)
                if (link.qr->at(x, y)) {
                    const ImVec2 a(at.x + module * static_cast<float>(x + 4),
                                   at.y + module * static_cast<float>(y + 4));
                    draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
                }
        ImGui::Dummy(ImVec2(module * static_cast<float>(n), module * static_cast<float>(n)));
        remember(ui, "qr code");
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(link.code.c_str());
    ImGui::PopFont();
    remember(ui, "room code");
    ImGui::TextUnformatted(
        fmt(tr_n("%lu phone, %d voted", "%lu phones, %d voted", static_cast<unsigned long>(link.phones)),
            static_cast<unsigned long>(link.phones), link.voters)
            .c_str());
    remember(ui, "phones joined");
    if (!link.team_names.empty() && link.team_phones.size() == link.team_names.size() + 1) {
        // Teams take turns: how many phones each team has (counts only, never who).
        std::string per_team;
        for (size_t t = 0; t < link.team_names.size(); ++t)
            per_team += (t ? ", " : "") + link.team_names[t] + ": " + std::to_string(link.team_phones[t]);
        if (link.team_phones.back() > 0) per_team += ", no team yet: " + std::to_string(link.team_phones.back());
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(per_team.c_str());
        ImGui::PopTextWrapPos();
        remember(ui, "phones per team");
    }
    ImGui::EndGroup();
    // Its own line at the panel's width, so the address is not broken inside a number.
    text_wrapped_colored(p.text_dim, link.join_address);
    remember(ui, "join address");
    draw_phone_list(link, ui, out);
}

void draw_facilitator_panel(const Workshop& w, const PhoneLink* link, UiState& ui, Intent& out) {
    const Palette& p = palette();
    const WorkshopPlay& play = w.play();
    ImGui::PushFont(fonts().heading);
    ImGui::TextColored(team_color(w, play.team), "%s", team_name(w, play.team).c_str());
    ImGui::PopFont();
    const std::string call = fmt(tr("Call %lu of %lu  •  %s"), static_cast<unsigned long>(w.play_index() + 1),
                                 static_cast<unsigned long>(w.plays().size()), w.scenario().title.c_str());
    if (link) {  // beside the team when it fits: the phones need the room below
        ImGui::SameLine();
        const float width = ImGui::CalcTextSize(call.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
        if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
        else ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFontSize() * 0.25f));
    }
    ImGui::TextUnformatted(call.c_str());

    const double left = w.remaining();
    const std::string timer = fmt(w.paused ? tr("Paused %d:%02d") : tr("Time to decide %d:%02d"),
                                  static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    meter(timer.c_str(), 100.0 * left / std::max(1.0, w.record().decision_seconds), w.time_up() ? p.warn : p.accent,
          w.time_up() ? tr("time's up: decide now") : nullptr);
    remember(ui, "timer");
    if (action_button(w.paused ? tr_label("Resume timer (P)") : tr_label("Pause (P)")))
        keep_first(out, intent::WorkshopPause{});
    remember(ui, "pause");
    if (key_pressed(SDL_SCANCODE_P)) keep_first(out, intent::WorkshopPause{});
    // One row of buttons under the timer, wrapping only where it must, so none of them
    // ends up below the notes and off screen (paused or not).
    same_line_if_fits(w.revealed ? tr("Hide (V)") : tr("Reveal (V)"));
    if (action_button(w.revealed ? tr_label("Hide (V)") : tr_label("Reveal (V)"), w.revealed))
        keep_first(out, intent::WorkshopReveal{});
    remember(ui, "reveal");
    if (key_pressed(SDL_SCANCODE_V)) keep_first(out, intent::WorkshopReveal{});
    same_line_if_fits(tr("Summary so far"));
    if (action_button(tr_label("Summary so far"))) keep_first(out, intent::WorkshopSummaryView{});
    remember(ui, "summary");
    same_line_if_fits(tr("Library"));
    if (action_button(tr_label("Library"))) keep_first(out, intent::BackToLibrary{});
    remember(ui, "library");
    // The phones under the timer row: the timer and its buttons never fall below the fold.
    if (link) {
        ImGui::Spacing();
        draw_phones(*link, ui, out);
    }
    // The scoreboard is short and the room watches it: above the notes, which may
    // be long and scroll in this panel.
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(tr("Scoreboard"));
    ImGui::PopFont();
    draw_scoreboard(w, ui);
    const Node* node = w.call().node();
    if (node && !node->notes.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Discuss:"));
        text_wrapped_colored(p.text, node->notes);
        remember(ui, "notes");
    }
    if (w.revealed) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f%%", need_percent(w.bounds(), Need::technical, w.call().state().technical));
        meter(tr("Technical need"), need_percent(w.bounds(), Need::technical, w.call().state().technical), p.technical,
              buf);
        std::snprintf(buf, sizeof buf, "%.0f%%", need_percent(w.bounds(), Need::personal, w.call().state().personal));
        meter(tr("Personal need"), need_percent(w.bounds(), Need::personal, w.call().state().personal), p.personal,
              buf);
        std::snprintf(buf, sizeof buf, "%d / 100", w.call().state().mood);
        meter(tr("Mood"), w.call().state().mood, p.mood, buf);
        remember(ui, "revealed meters");
    }
}

void draw_call_side(const Workshop& w, const PhoneLink* link, UiState& ui, Intent& out, float width) {
    const Palette& p = palette();
    const Runner& run = w.call();
    const Scenario& s = w.scenario();
    // The customer's latest line: what the room is answering.
    std::string line;
    for (const TranscriptEntry& e : run.transcript())
        if (e.kind == TranscriptEntry::Kind::customer) line = e.text;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(s.customer.name.c_str());
    ImGui::PopFont();
    text_wrapped_colored(p.text, fmt(tr("“%s”"), line.c_str()));
    ImGui::Spacing();
    const Node* node = run.node();
    if (!node) return;
    std::vector<int> visible = run.presented();
    const bool vote = w.style() == WorkshopStyle::class_vote;
    // A new decision starts at the top, with the customer's line in view.
    const size_t decision = w.record().steps.size() * 1024 + w.play_index();
    if (ui.workshop_decision != decision) {
        ui.workshop_decision = decision;
        ImGui::SetScrollY(0);
    }
    // Answers take a click only once shown for the guard: one double-click is one decision.
    const bool ready = answers_ready(ui, decision);
    if (vote && (ui.votes_for_step != w.record().steps.size() || ui.votes.size() != visible.size())) {
        ui.votes.assign(visible.size(), 0);
        ui.votes_for_step = w.record().steps.size();
    }
    if (link) draw_phone_vote(*link, ui, out);
    if (vote) {
        // The decision button first, so it never falls below the fold of a long list.
        const std::optional<VoteOutcome> result = tally(ui.votes);
        if (!result) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                               tr("Enter the room's votes: type a count or use - and +."));
        } else {
            std::string label = fmt(result->tie_broken ? tr("Go with option %d (a tie: the first listed goes ahead)")
                                                       : tr("Go with option %d (the majority)"),
                                    result->winner) +
                                "###go with";
            if (action_button(label.c_str(), true) && ready) keep_first(out, intent::WorkshopVote{ui.votes});
            remember(ui, "proceed");
        }
        ImGui::Spacing();
    }
    // Counts sit in a fixed-width box, so the buttons beside them never move under the pointer.
    const float count_width = ImGui::CalcTextSize("0000").x + ImGui::GetStyle().FramePadding.x * 2;
    for (size_t k = 0; k < visible.size(); ++k) {
        const Choice& c = node->choices[static_cast<size_t>(visible[k])];
        std::string label = c.say;
        if (w.revealed)  // the paths not taken, shown to the room
            label += fmt(tr("   [technical %s, personal %s]"), signed_number(c.technical).c_str(),
                         signed_number(c.personal).c_str());
        const int number = static_cast<int>(k) + 1;
        ImGui::PushID(static_cast<int>(k));
        if (vote) {
            if (action_button(" - ") && ui.votes[k] > 0) --ui.votes[k];
            remember(ui, "fewer votes " + std::to_string(number));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(count_width);
            if (ImGui::InputInt("##votes", &ui.votes[k], 0, 0)) ui.votes[k] = std::clamp(ui.votes[k], 0, max_votes_per_option);
            remember(ui, "votes " + std::to_string(number));
            ImGui::SameLine();
            if (action_button(" + ") && ui.votes[k] < max_votes_per_option) ++ui.votes[k];
            remember(ui, "more votes " + std::to_string(number));
            ImGui::SameLine();
            text_wrapped_colored(p.text, std::to_string(number) + ". " + label);
        } else {
            if (wrapped_button("choice", label, width, std::to_string(number)) && ready)
                keep_first(out, intent::WorkshopChoose{number, {}});
            remember(ui, "choice " + std::to_string(number));
            if (ready && number <= 9 && key_pressed(SDL_SCANCODE_1 + number - 1))
                keep_first(out, intent::WorkshopChoose{number, {}});
        }
        ImGui::PopID();
    }
}

}  // namespace

Intent draw_workshop(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (!g.workshop) return intent::BackToLibrary{};
    const Workshop& w = *g.workshop;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right = std::max(avail * 0.36f, ImGui::GetFontSize() * 16);
    if (const auto& ended = w.just_ended()) {
        heading(fmt(tr("%s: the call is over"), team_name(w, ended->team).c_str()));
        // How it ended for the customer, in the scenario's words, then the verdict.
        if (ended->score.ending >= 0) {
            const Scenario& ended_scenario = *w.scenario_of(ended->round);
            const Ending& ending = ended_scenario.ending(ended->score.ending);
            text_wrapped_colored(p.text, ending.text);
            remember(ui, "ending");
        }
        ImGui::TextUnformatted(fmt(tr("Outcome: %s"), quadrant_text(ended->score.quadrant)).c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.personal), "%s",
                           fmt(tr("Personal need %.0f%%"), ended->score.personal_percent).c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.technical), "%s",
                           fmt(tr("Technical need %.0f%%"), ended->score.technical_percent).c_str());
        remember(ui, "call ended");
        std::string next = (w.finished() ? std::string(tr("See the summary"))
                                         : fmt(tr("Next: %s"), team_name(w, w.play().team).c_str())) +
                           "###continue";
        if (action_button(next.c_str(), true) || key_pressed(SDL_SCANCODE_RETURN)) keep_first(out, intent::WorkshopContinue{});
        remember(ui, "continue");
        ImGui::Spacing();
        draw_scoreboard(w, ui);
    } else if (!w.finished()) {
        ImGui::BeginChild("call side", ImVec2(avail - right - ImGui::GetStyle().ItemSpacing.x * 2, 0), false);
        draw_call_side(w, g.phones ? &*g.phones : nullptr, ui, out,
                       ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("facilitator", ImVec2(0, 0), true);
        draw_facilitator_panel(w, g.phones ? &*g.phones : nullptr, ui, out);
        ImGui::EndChild();
        remember(ui, "facilitator panel");
    }
    return out;
}

// --- Summary -------------------------------------------------------------------------

Intent draw_workshop_summary(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (!g.workshop) return intent::BackToLibrary{};
    const Workshop& w = *g.workshop;
    const WorkshopSummary sum = w.summary();
    heading(w.finished() ? tr("The workshop is over") : tr("The workshop so far"));
    if (!w.finished()) {
        ImGui::SameLine();
        if (action_button(tr_label("Back to the call"))) keep_first(out, intent::WorkshopSummaryView{});
        remember(ui, "back to call");
    }
    ImGui::SameLine();
    if (action_button(tr_label("Library (Esc)"))) keep_first(out, intent::BackToLibrary{});
    remember(ui, "library");
    if (key_pressed(SDL_SCANCODE_ESCAPE)) keep_first(out, intent::BackToLibrary{});
    ImGui::BeginChild("summary", ImVec2(0, 0), false);
    if (ui.summary_seen != w.record().steps.size()) {  // opens at the top, not where the last one was
        ui.summary_seen = w.record().steps.size();
        ImGui::SetScrollY(0);
    }
    keyboard_scroll();
    draw_scoreboard(w, ui);
    ImGui::Spacing();
    heading(tr("Per team and scenario"));
    for (const PlayResult& r : sum.results) {
        ImGui::TextColored(team_color(w, r.team), "%s", team_name(w, r.team).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(fmt(tr("%s: %s, personal %.0f%%, technical %.0f%%"),
                                   w.record().queue[static_cast<size_t>(r.round)].title.c_str(),
                                   quadrant_text(r.score.quadrant), r.score.personal_percent, r.score.technical_percent)
                                   .c_str());
    }
    remember(ui, "results grid");
    // Hot seat has splits only where a team voted from its phones.
    if (w.style() == WorkshopStyle::class_vote || !sum.splits.empty()) {
        heading(w.style() == WorkshopStyle::class_vote ? tr("Where the class split")
                                                       : tr("Where a team's phones split"));
        if (sum.splits.empty())
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Every vote was unanimous."));
        for (const SplitVote& s : sum.splits) {
            // Where it happened, as the room heard it: the customer's line there, not a node id.
            std::string where = s.node;
            if (const Scenario* sc = w.scenario_of(s.round)) {
                const int n = sc->find_node(s.node);
                if (n >= 0 && !sc->node(n).customer.empty())
                    where = fmt(tr("“%s”"), shorten_text(sc->node(n).customer.back().text, 60).c_str());
            }
            std::string line = (s.team >= 0 ? team_name(w, s.team) + ", " : std::string()) +
                               w.record().queue[static_cast<size_t>(s.round)].title + ", " + where + ":";
            for (size_t k = 0; k < s.votes.size(); ++k)
                line += (k ? " / " : " ") + fmt(tr("%d for “%s”"), s.votes[k], s.options[k].c_str());
            if (s.tie_broken) line += tr(" (tie: the first listed went ahead)");
            text_wrapped_colored(p.text, line);
        }
        remember(ui, "splits");
    }
    heading(tr("Choices that most hurt the personal need"));
    if (sum.hurtful.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("None: well done, everyone."));
    for (size_t i = 0; i < sum.hurtful.size() && i < 5; ++i) {
        const HurtfulChoice& h = sum.hurtful[i];
        std::string who;
        for (int t : h.teams) who += (who.empty() ? "" : ", ") + team_name(w, t);
        text_wrapped_colored(
            p.bad, fmt(tr("personal %s  “%s”  (%s)"), signed_number(h.personal).c_str(), h.say.c_str(), who.c_str()));
    }
    remember(ui, "hurtful choices");
    ImGui::EndChild();
    return out;
}

}  // namespace frontline::game
