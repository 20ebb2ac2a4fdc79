// Library: a card per scenario, a skill filter, keyboard (arrows, Enter, F) and mouse.
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace frontline::game {

namespace {

/// "Difficulty" and five dots, filled up to `d`: readable at a glance across a room.
void difficulty(int d) {
    const Palette& p = palette();
    ImGui::TextUnformatted(tr("Difficulty"));
    ImGui::SameLine();
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float r = ImGui::GetFontSize() * 0.22f, step = r * 3.0f;
    const float cy = at.y + ImGui::GetTextLineHeight() * 0.55f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < 5; ++i) {
        ImVec2 c(at.x + r + step * static_cast<float>(i), cy);
        if (i < d) dl->AddCircleFilled(c, r, p.accent, 16);
        else dl->AddCircle(c, r, p.text_dim, 16, 1.5f);
    }
    ImGui::Dummy(ImVec2(step * 5, ImGui::GetTextLineHeight()));
}

std::string result_line(const std::optional<BestResult>& r) {
    if (!r) return tr("Not played yet");
    return fmt(tr("Best: %s — technical %.0f%%, personal %.0f%%"), quadrant_text(r->quadrant), r->technical_percent,
               r->personal_percent);
}

/// One card. Returns true when clicked. Contents are drawn over an invisible
/// button so the whole card is one target for the mouse.
bool draw_card(const GameState& g, int index, float width, float height, bool focused) {
    const Palette& p = palette();
    const LibraryEntry& e = library_entry(g, index);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(index);
    bool clicked = ImGui::InvisibleButton("card", ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImVec2 end(pos.x + width, pos.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, hovered ? p.selection : p.panel, style.ChildRounding);
    float border = focused ? std::max(3.0f, style.FrameBorderSize * 3) : std::max(1.0f, style.FrameBorderSize);
    dl->AddRect(pos, end, focused ? p.accent : p.panel_border, style.ChildRounding, 0, border);

    ImVec2 after = ImGui::GetCursorScreenPos();
    const float pad = style.WindowPadding.x;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad * 0.8f));
    ImGui::PushClipRect(pos, end, true);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(end.x - pad - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(e.display_title().c_str());
    ImGui::PopFont();
    if (e.ok()) {
        const Scenario& s = e.scenario();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", s.setting.c_str());
        difficulty(s.difficulty);
        std::string skills;
        for (const std::string& k : s.skills) skills += (skills.empty() ? "" : "  \xC2\xB7  ") + skill_label(k);
        ImGui::PushFont(fonts().small);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.accent), "%s", skills.c_str());
        ImGui::PopFont();
        auto best = best_result_for(g, index);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(best ? p.good : p.text_dim), "%s",
                           result_line(best).c_str());
    } else {
        int errors = e.loaded.diagnostics.error_count();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.bad), "%s",
                           fmt(tr_n("Could not be loaded: %d problem", "Could not be loaded: %d problems",
                                    static_cast<unsigned long>(errors)),
                               errors)
                               .c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s",
                           tr("Open it to see where (file:line:col)."));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopClipRect();
    // The card, not its last line of text, must be the last item, so SameLine()
    // puts the next card beside it.
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, height));
    (void)after;
    return clicked;
}

}  // namespace

Intent draw_trainee_bar(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    const ResultsLink& r = g.results;
    ImGui::AlignTextToFramePadding();
    if (r.trainee.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.warn), "%s", tr("Who is playing?"));
    } else {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Playing as"));
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.good), "%s", r.trainee.c_str());
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    bool entered = ImGui::InputTextWithHint("##trainee", tr("your name"), ui.trainee_name, sizeof ui.trainee_name,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    remember(ui, "trainee name");
    ImGui::SameLine();
    if (action_button(tr_label("Use this name")) || entered) {
        std::string name = ui.trainee_name;
        if (name.find_first_not_of(" \t") != std::string::npos) keep_first(out, intent::SelectTrainee{name});
        ui.trainee_name[0] = '\0';
    }
    remember(ui, "use trainee");
    if (!r.trainee.empty()) {
        ImGui::SameLine();
        if (action_button(tr_label("My progress"), true)) keep_first(out, intent::OpenProgress{});
        remember(ui, "progress");
    }
    // Recent names: one click on a shared laptop, no typing, no passwords.
    int shown = 0;
    for (const std::string& name : r.recent_trainees) {
        if (name == r.trainee) continue;
        if (++shown > 6) break;
        if (shown == 1) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Recent:"));
        }
        float w = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        ImGui::PushID(name.c_str());
        if (action_button(name.c_str())) keep_first(out, intent::SelectTrainee{name});
        ImGui::PopID();
        remember(ui, "trainee " + name);
    }
    for (const results::AttemptSummary& a : r.unfinished) {
        bool resumable = resumable_index(g, a) >= 0;
        std::string buf =
            fmt(tr_n("Unfinished: %s, %d choice made, started %s", "Unfinished: %s, %d choices made, started %s",
                     static_cast<unsigned long>(a.choices)),
                a.scenario_title.c_str(), a.choices, friendly_time(a.started_at).c_str());
        if (!resumable) buf += tr(" (the scenario has changed since: it can only be discarded)");
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.warn), "%s", buf.c_str());
        ImGui::PushID(static_cast<int>(a.id));
        if (resumable) {
            ImGui::SameLine();
            if (action_button(tr_label("Resume"), true)) keep_first(out, intent::ResumeAttempt{a.id});
            remember(ui, "resume " + std::to_string(a.id));
        }
        ImGui::SameLine();
        if (action_button(tr_label("Discard"))) keep_first(out, intent::DiscardAttempt{a.id});
        remember(ui, "discard " + std::to_string(a.id));
        ImGui::PopID();
    }
    ImGui::Spacing();
    return out;
}

Intent draw_library(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    heading(tr("Choose a call to take"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - label_width(tr("Run a workshop")) -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (action_button(tr_label("Run a workshop"))) keep_first(out, intent::OpenWorkshopSetup{});
    remember(ui, "workshop");
    for (const results::WorkshopRecord& w : g.results.unfinished_workshops) {
        ImGui::AlignTextToFramePadding();
        std::string teams;
        for (const results::WorkshopTeam& t : w.teams) teams += (teams.empty() ? "" : ", ") + t.name;
        ImGui::TextColored(
            ImGui::ColorConvertU32ToFloat4(p.warn), "%s",
            fmt(tr_n("Unfinished workshop started %s (%s), %lu decision made",
                     "Unfinished workshop started %s (%s), %lu decisions made",
                     static_cast<unsigned long>(w.steps.size())),
                friendly_time(w.started_at).c_str(), teams.c_str(), static_cast<unsigned long>(w.steps.size()))
                .c_str());
        ImGui::PushID(static_cast<int>(w.id));
        ImGui::SameLine();
        if (action_button(tr_label("Resume workshop"), true)) keep_first(out, intent::ResumeWorkshop{w.id});
        remember(ui, "resume workshop " + std::to_string(w.id));
        ImGui::SameLine();
        if (action_button(tr_label("Close it"))) keep_first(out, intent::CloseWorkshop{w.id});
        remember(ui, "close workshop " + std::to_string(w.id));
        ImGui::PopID();
    }
    if (!g.workshop_error.empty()) text_wrapped_colored(p.bad, g.workshop_error);
    if (g.results.on()) keep_first(out, draw_trainee_bar(g, ui));

    // Skill filter: "All" plus every skill some scenario practises. F cycles it.
    std::vector<std::string> skills = library_skills(g);
    std::vector<std::string> filters = {""};
    filters.insert(filters.end(), skills.begin(), skills.end());
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", tr("Practise (F):"));
    for (size_t i = 0; i < filters.size(); ++i) {
        const std::string label = filters[i].empty() ? std::string(tr("All skills")) : skill_label(filters[i]);
        float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();  // wrap the chips, never clip one
        ImGui::PushID(static_cast<int>(i));
        if (action_button(label.c_str(), g.skill_filter == filters[i])) keep_first(out, intent::SetSkillFilter{filters[i]});
        ImGui::PopID();
        remember(ui, "filter " + (filters[i].empty() ? std::string("all") : filters[i]));
    }
    if (key_pressed(SDL_SCANCODE_F)) {
        auto it = std::find(filters.begin(), filters.end(), g.skill_filter);
        size_t at = it == filters.end() ? 0 : static_cast<size_t>(it - filters.begin());
        keep_first(out, intent::SetSkillFilter{filters[(at + 1) % filters.size()]});
    }
    ImGui::Spacing();

    std::vector<int> shown = visible_library(g);
    if (g.library.empty()) {
        text_wrapped_colored(p.text_dim, tr("No scenarios found. Put .yaml scenarios in the scenarios folder, or "
                                            "run `frontline play --gui FILE`."));
        return out;
    }
    if (shown.empty()) {
        text_wrapped_colored(p.text_dim, tr("No scenario practises this skill yet."));
        return out;
    }
    ui.library_cursor = std::clamp(ui.library_cursor, 0, static_cast<int>(shown.size()) - 1);

    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Leave room for the scrollbar the card list may need, so cards never slide under it.
    const float avail = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const float min_card = ImGui::GetFontSize() * 22;
    const int columns = std::max(1, std::min(3, static_cast<int>((avail + spacing) / (min_card + spacing))));
    const float card_w = (avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float card_h = fonts().heading->FontSize * 2.4f + line * 4 + ImGui::GetStyle().WindowPadding.y;

    // Arrow keys move a focus ring; Enter opens the focused card.
    int cursor = ui.library_cursor;
    int count = static_cast<int>(shown.size());
    if (key_pressed(SDL_SCANCODE_RIGHT)) cursor = std::min(cursor + 1, count - 1);
    if (key_pressed(SDL_SCANCODE_LEFT)) cursor = std::max(cursor - 1, 0);
    if (key_pressed(SDL_SCANCODE_DOWN)) cursor = std::min(cursor + columns, count - 1);
    if (key_pressed(SDL_SCANCODE_UP)) cursor = std::max(cursor - columns, 0);
    bool moved = cursor != ui.library_cursor;
    ui.library_cursor = cursor;
    if (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        keep_first(out, intent::OpenScenario{shown[static_cast<size_t>(cursor)]});

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("cards", ImVec2(0, 0), false);
    for (int i = 0; i < count; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        int index = shown[static_cast<size_t>(i)];
        if (draw_card(g, index, card_w, card_h, i == ui.library_cursor)) {
            ui.library_cursor = i;
            keep_first(out, intent::OpenScenario{index});
        }
        remember(ui, "card " + std::to_string(index));
        if (moved && i == ui.library_cursor) ImGui::SetScrollHereY(0.5f);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return out;
}

}  // namespace frontline::game
