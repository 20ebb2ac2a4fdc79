// The author map: the scenario as columns of boxes (nodes by BFS depth, endings
// last, coloured by outcome), edges as lines, the best path in the accent colour
// and "you are here" outlined. Clicking a node opens a small form to start a
// playtest there with chosen variables and mood. M or Esc goes back.
//
// Sections: colours / the map canvas / the playtest form / the screen.
#include "screens.hpp"
#include "theme.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>

namespace frontline::game {

namespace {

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w = a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

ImU32 outcome_color(Outcome o) {
    const Palette& p = palette();
    switch (o) {
    case Outcome::delighted: return p.good;
    case Outcome::satisfied: return p.technical;
    case Outcome::neutral: return p.text_dim;
    case Outcome::lost: return p.warn;
    case Outcome::complaint: return p.bad;
    }
    return p.text_dim;
}

std::string box_name(const Scenario& s, const MapBox& b) {
    return b.target.is_ending() ? s.ending(b.target.index).id : s.node(b.target.index).id;
}

/// The share of answers at `from` that lead to `to` (several choices may share an edge);
/// negative when the node has too few answers to show.
double edge_share(const results::ScenarioInsight& answers, const Scenario& s, const MapBox& from, const MapBox& to) {
    if (from.target.is_ending()) return -1;
    const Node& node = s.node(from.target.index);
    const auto& points = answers.points;
    const auto at = std::find_if(points.begin(), points.end(), [&](const results::ChoicePoint& p) { return p.node == node.id; });
    if (at == points.end() || !at->shown) return -1;
    double share = 0;
    for (const results::AnswerShare& a : at->options)
        if (a.in_file && a.choice_index < static_cast<int>(node.choices.size()) &&
            node.choice(a.choice_index).next == to.target)
            share += a.share;
    return share;
}

int stopped_at(const results::ScenarioInsight& answers, const Scenario& s, const MapBox& b) {
    if (b.target.is_ending()) return 0;
    const std::string& id = s.node(b.target.index).id;
    for (const results::ChoicePoint& p : answers.points)
        if (p.node == id) return p.stopped_here;
    return 0;
}

/// Draws the canvas; a click on a node selects it (UI state: the form's draft).
/// With `answers`, each edge carries the share of answers taking it and a node where
/// unfinished calls stopped is flagged with how many.
void draw_canvas(UiState& ui, const AuthorMap& m, const Scenario& s, const results::ScenarioInsight* answers) {
    const Palette& p = palette();
    const float fs = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Columns share the width down to a readable minimum; past that the map scrolls.
    const float col_w = std::max(avail.x / static_cast<float>(std::max(1, m.layers)), fs * 6.0f);
    const float row_h = std::max(avail.y / static_cast<float>(std::max(1, m.max_rows)), fs * 2.2f);
    const float box_w = col_w * 0.84f;
    const float box_h = std::min(row_h * 0.7f, fs * 1.9f);
    std::vector<int> rows(static_cast<size_t>(m.layers), 0);
    for (const MapBox& b : m.boxes) ++rows[static_cast<size_t>(b.layer)];

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    std::vector<ImVec2> pos(m.boxes.size());
    for (size_t i = 0; i < m.boxes.size(); ++i) {
        const MapBox& b = m.boxes[i];
        // Short columns are centred, so the start and the endings sit mid-height.
        const float offset = static_cast<float>(m.max_rows - rows[static_cast<size_t>(b.layer)]) * row_h * 0.5f;
        pos[i] = ImVec2(origin.x + static_cast<float>(b.layer) * col_w + (col_w - box_w) * 0.5f,
                        origin.y + offset + static_cast<float>(b.row) * row_h + (row_h - box_h) * 0.5f);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Edges under the boxes; best path last so it is drawn over the rest.
    for (int pass = 0; pass < 2; ++pass) {
        for (const MapEdge& e : m.edges) {
            if (e.on_best_path != (pass == 1)) continue;
            const ImVec2 a = pos[static_cast<size_t>(e.from)], b = pos[static_cast<size_t>(e.to)];
            const ImU32 c = e.on_best_path ? p.accent : with_alpha(p.text_dim, 0.45f);
            const float t = e.on_best_path ? 3.0f : 1.2f;
            ImVec2 from(a.x + box_w, a.y + box_h * 0.5f), to(b.x, b.y + box_h * 0.5f);
            if (m.boxes[static_cast<size_t>(e.to)].layer > m.boxes[static_cast<size_t>(e.from)].layer) {
                const float bend = (to.x - from.x) * 0.4f;
                dl->AddBezierCubic(from, ImVec2(from.x + bend, from.y), ImVec2(to.x - bend, to.y), to, c, t);
                dl->AddTriangleFilled(to, ImVec2(to.x - fs * 0.4f, to.y - fs * 0.25f), ImVec2(to.x - fs * 0.4f, to.y + fs * 0.25f), c);
            } else {
                // Back or sideways (a loop): a curve under the boxes, out of the columns' way.
                ImVec2 f2(a.x + box_w * 0.5f, a.y + box_h), t2(b.x + box_w * 0.5f, b.y + box_h);
                const float drop = row_h * 0.6f + std::abs(f2.x - t2.x) * 0.1f;
                dl->AddBezierCubic(f2, ImVec2(f2.x, f2.y + drop), ImVec2(t2.x, t2.y + drop), t2, c, t);
            }
        }
    }
    if (answers) {
        // Shares over the edges, after all of them, so no line crosses a label.
        ImGui::PushFont(fonts().small);
        for (const MapEdge& e : m.edges) {
            const double share = edge_share(*answers, s, m.boxes[static_cast<size_t>(e.from)], m.boxes[static_cast<size_t>(e.to)]);
            if (share < 0) continue;
            const ImVec2 a = pos[static_cast<size_t>(e.from)], b = pos[static_cast<size_t>(e.to)];
            char label[16];
            std::snprintf(label, sizeof label, "%.0f%%", 100 * share);
            const ImVec2 size = ImGui::CalcTextSize(label);
            const ImVec2 mid((a.x + box_w + b.x) * 0.5f - size.x * 0.5f, (a.y + b.y + box_h) * 0.5f - size.y * 0.5f);
            dl->AddRectFilled(ImVec2(mid.x - 2, mid.y), ImVec2(mid.x + size.x + 2, mid.y + size.y), p.background, 3);
            dl->AddText(mid, share > 0 ? p.text : p.text_dim, label);
        }
        ImGui::PopFont();
    }

    ImGui::PushFont(fonts().small);
    for (size_t i = 0; i < m.boxes.size(); ++i) {
        const MapBox& b = m.boxes[i];
        const std::string name = box_name(s, b);
        ImGui::SetCursorScreenPos(pos[i]);
        const bool clicked = ImGui::InvisibleButton(("##box" + std::to_string(i)).c_str(), ImVec2(box_w, box_h));
        const bool hovered = ImGui::IsItemHovered();
        if (clicked && !b.target.is_ending() && ui.map_selected != static_cast<int>(i)) {
            ui.map_selected = static_cast<int>(i);
            ui.playtest_draft = default_playtest(s, b.target.index);
        }
        remember(ui, (b.target.is_ending() ? "map ending " : "map node ") + name);
        const ImVec2 lo = pos[i], hi(pos[i].x + box_w, pos[i].y + box_h);
        ImU32 fill = b.target.is_ending() ? outcome_color(s.ending(b.target.index).outcome) : p.panel;
        if (!b.reachable) fill = with_alpha(fill, 0.4f);
        dl->AddRectFilled(lo, hi, fill, fs * 0.3f);
        ImU32 border = b.on_best_path ? p.accent : p.panel_border;
        float thick = b.on_best_path ? 2.0f : 1.0f;
        if (hovered || ui.map_selected == static_cast<int>(i)) {
            border = p.text;
            thick = 2.0f;
        }
        dl->AddRect(lo, hi, border, fs * 0.3f, 0, thick);
        if (ui.map_current == static_cast<int>(i)) {
            const float grow = fs * 0.2f;
            dl->AddRect(ImVec2(lo.x - grow, lo.y - grow), ImVec2(hi.x + grow, hi.y + grow), p.warn, fs * 0.4f, 0, 3.0f);
        }
        // The id, shortened with "..." to fit the box; the full id is in the tooltip.
        const ImU32 text = b.target.is_ending() ? p.accent_text : p.text;
        std::string label = name;
        for (size_t keep = name.size(); keep > 1 && ImGui::CalcTextSize(label.c_str()).x > box_w - 6; --keep)
            label = shorten_text(name, keep - 1);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        const ImVec4 clip(lo.x + 3, lo.y, hi.x - 3, hi.y);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                    ImVec2(lo.x + std::max(3.0f, (box_w - size.x) * 0.5f), lo.y + (box_h - size.y) * 0.5f), text,
                    label.c_str(), nullptr, 0, &clip);
        if (answers) {
            if (const int stopped = stopped_at(*answers, s, b); stopped > 0) {
                // A flag under the box: calls abandoned while waiting here.
                const std::string flag =
                    fmt(tr_n("%d stopped", "%d stopped", static_cast<unsigned long>(stopped)), stopped);
                const ImVec2 flag_size = ImGui::CalcTextSize(flag.c_str());
                const ImVec2 at(lo.x + (box_w - flag_size.x) * 0.5f, hi.y + 1);
                dl->AddRectFilled(ImVec2(at.x - 3, at.y), ImVec2(at.x + flag_size.x + 3, at.y + flag_size.y), p.bad, 3);
                dl->AddText(at, p.accent_text, flag.c_str());
                remember(ui, "map stopped " + name);
            }
        }
        if (hovered)
            ImGui::SetTooltip("%s  %s", name.c_str(),
                              b.target.is_ending() ? tr("(ending)") : tr("(click: playtest from here)"));
    }
    ImGui::PopFont();
    // Room for the whole layout, so a big scenario scrolls instead of overlapping.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(col_w * static_cast<float>(m.layers), row_h * static_cast<float>(m.max_rows) + row_h * 0.5f));
}

/// The playtest form for the selected node: each variable by type, and mood.
Intent draw_playtest_form(const Scenario& s, UiState& ui, const AuthorMap& m) {
    const Palette& p = palette();
    Intent out;
    const MapBox& b = m.boxes[static_cast<size_t>(ui.map_selected)];
    const Node& node = s.node(b.target.index);
    PlaytestStart& d = ui.playtest_draft;
    heading(fmt(tr("Playtest from %s"), node.id.c_str()));
    if (!node.customer.empty()) text_wrapped_colored(p.text_dim, fmt(tr("“%s”"), node.customer.front().text.c_str()));
    ImGui::Spacing();
    const float field_w = ImGui::GetFontSize() * 5;
    if (d.vars.size() != s.vars.size()) d = default_playtest(s, b.target.index);
    for (size_t i = 0; i < s.vars.size(); ++i) {
        const Variable& v = s.vars[i];
        if (v.type == ValueType::boolean) {
            bool on = d.vars[i] != 0;
            if (ImGui::Checkbox(v.name.c_str(), &on)) d.vars[i] = on;
            remember(ui, "var " + v.name);
        } else {
            ImGui::SetNextItemWidth(field_w);
            // The label is drawn apart so the remembered rectangle is the field itself.
            ImGui::InputScalar(("##var " + v.name).c_str(), ImGuiDataType_S64, &d.vars[i], nullptr, nullptr, nullptr,
                               ImGuiInputTextFlags_AutoSelectAll);
            remember(ui, "var " + v.name);
            ImGui::SameLine();
            ImGui::TextUnformatted(fmt(tr("%s  (integer)"), v.name.c_str()).c_str());
        }
    }
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputInt("##mood", &d.mood, 0, 0, ImGuiInputTextFlags_AutoSelectAll);
    remember(ui, "mood");
    d.mood = std::clamp(d.mood, 0, 100);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("Mood (0-100)"));
    ImGui::Spacing();
    if (action_button(tr_label("Start playtest (P)"), true)) keep_first(out, intent::StartPlaytest{d});
    remember(ui, "start playtest");
    if (key_pressed(SDL_SCANCODE_P)) keep_first(out, intent::StartPlaytest{d});
    ImGui::PushFont(fonts().small);
    text_wrapped_colored(p.text_dim,
                         tr("A playtest is not recorded: it is the author's experiment, not a trainee's result."));
    ImGui::PopFont();
    return out;
}

}  // namespace

Intent draw_author_map(const GameState& g, UiState& ui) {
    const Palette& p = palette();
    Intent out;
    if (!g.author_map) return out;
    const AuthorMap& m = *g.author_map;
    const Scenario& s = current_scenario(g);
    ui.map_current = current_box(m, s, call_runner(g));
    if (ui.map_selected >= static_cast<int>(m.boxes.size())) ui.map_selected = -1;

    if (action_button(tr_label("Back (M / Esc)"), true)) keep_first(out, intent::CloseMap{});
    remember(ui, "back");
    if (key_pressed(SDL_SCANCODE_ESCAPE) || key_pressed(SDL_SCANCODE_M)) keep_first(out, intent::CloseMap{});
    if (g.results.map_answers) {
        // Intent-free: a view toggle, like scrolling, changes nothing the game keeps.
        ImGui::SameLine();
        ImGui::Checkbox(tr_label("Answer shares (S)").c_str(), &ui.map_shares);
        remember(ui, "answer shares");
        if (key_pressed(SDL_SCANCODE_S)) ui.map_shares = !ui.map_shares;
    }
    // The legend wraps rather than running off a narrow window or a large scale.
    ImGui::PushFont(fonts().small);
    auto legend = [](const char* text, ImU32 colour) {
        same_line_if_fits(text);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", text);
    };
    legend(tr("best path"), p.accent);
    legend(tr("you are here"), p.warn);
    for (Outcome o : {Outcome::delighted, Outcome::satisfied, Outcome::neutral, Outcome::lost, Outcome::complaint})
        legend(outcome_text(o), outcome_color(o));
    legend(tr("columns: turns from the start; click a node to playtest"), p.text_dim);
    ImGui::PopFont();
    remember(ui, "map legend");

    const bool form = ui.map_selected >= 0;
    const float form_w = form ? std::min(ImGui::GetFontSize() * 17, ImGui::GetContentRegionAvail().x * 0.4f) : 0;
    ImGui::BeginChild("map", ImVec2(form ? -form_w - ImGui::GetStyle().ItemSpacing.x : 0, 0), true,
                      ImGuiWindowFlags_HorizontalScrollbar);
    const results::ScenarioInsight* answers = ui.map_shares && g.results.map_answers ? &*g.results.map_answers : nullptr;
    draw_canvas(ui, m, s, answers);
    ImGui::EndChild();
    remember(ui, "map");
    if (form) {
        ImGui::SameLine();
        ImGui::BeginChild("playtest", ImVec2(0, 0), true);
        keep_first(out, draw_playtest_form(s, ui, m));
        ImGui::EndChild();
        remember(ui, "playtest form");
    }
    return out;
}

}  // namespace frontline::game
