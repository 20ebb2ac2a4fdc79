#include "charts.hpp"

#include "i18n.hpp"
#include "portrait.hpp"
#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace frontline::game {

namespace {

ImU32 with_alpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }

/// The size at which `text` (or, with `per_word`, its longest word) fits `room`, from the
/// font's own size down to 60% of it: a long word in another language ("exemplaire")
/// shrinks rather than being cut in two.
float fitted_size(ImFont* font, const char* text, float room, bool per_word) {
    float widest = 0;
    if (per_word) {
        const char* start = text;
        for (const char* c = text;; ++c) {
            if (*c == ' ' || *c == '\0') {
                widest = std::max(widest, font->CalcTextSizeA(font->FontSize, 1e6f, 0, start, c).x);
                if (*c == '\0') break;
                start = c + 1;
            }
        }
    } else {
        widest = font->CalcTextSizeA(font->FontSize, 1e6f, 0, text).x;
    }
    if (widest <= room || widest <= 0) return font->FontSize;
    return font->FontSize * std::max(0.6f, room / widest);
}

void centered_text(ImDrawList* dl, ImFont* font, ImVec2 center, ImU32 col, const char* text, float room) {
    float fs = fitted_size(font, text, room, false);
    ImVec2 sz = font->CalcTextSizeA(fs, 1e6f, 0, text);
    dl->AddText(font, fs, ImVec2(center.x - sz.x * 0.5f, center.y - sz.y * 0.5f), col, text);
}

}  // namespace

void draw_quadrant_chart(const std::vector<PathPoint>& path, int pass_technical, int pass_personal, float size) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = fonts().small;
    const float label_h = small->FontSize * 1.6f;
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size + label_h * 2));

    // Labels above and below the plot: ImGui cannot rotate text.
    ImVec2 a(o.x, o.y + label_h), b(o.x + size, o.y + label_h + size);
    const float w = b.x - a.x, h = b.y - a.y;
    auto to_screen = [&](double tech, double pers) {
        return ImVec2(a.x + w * static_cast<float>(std::clamp(tech, 0.0, 100.0) / 100.0),
                      b.y - h * static_cast<float>(std::clamp(pers, 0.0, 100.0) / 100.0));
    };
    ImVec2 pass = to_screen(pass_technical, pass_personal);

    dl->AddRectFilled(a, b, p.panel);
    dl->AddRectFilled(ImVec2(pass.x, a.y), ImVec2(b.x, pass.y), with_alpha(p.good, 40));  // best in class
    dl->AddRectFilled(ImVec2(a.x, pass.y), ImVec2(pass.x, b.y), with_alpha(p.bad, 22));   // mere mortal
    dl->AddLine(ImVec2(pass.x, a.y), ImVec2(pass.x, b.y), p.chart_grid, 2);
    dl->AddLine(ImVec2(a.x, pass.y), ImVec2(b.x, pass.y), p.chart_grid, 2);
    dl->AddRect(a, b, p.panel_border, 0, 0, 1.5f);

    // Quadrant names sit in the chart's outer corners, where the pass-mark lines
    // never run through them whatever the marks are.
    const float m = small->FontSize * 0.4f;
    auto corner_text = [&](const char* text, bool right, bool top) {
        // Wrapped to the quadrant's width: high pass marks make narrow quadrants.
        float room = std::max((right ? b.x - pass.x : pass.x - a.x) - m * 2, small->FontSize * 3);
        const float fs = fitted_size(small, text, room, true);
        ImVec2 sz = small->CalcTextSizeA(fs, 1e6f, room, text);
        ImVec2 at(right ? b.x - m - sz.x : a.x + m, top ? a.y + m : b.y - m - sz.y);
        dl->AddText(small, fs, at, p.text_dim, text, nullptr, room);
    };
    corner_text(quadrant_text(Quadrant::best_in_class), true, true);
    corner_text(quadrant_text(Quadrant::kept_the_customer), false, true);
    corner_text(quadrant_text(Quadrant::fixed_it_lost_them), true, false);
    corner_text(quadrant_text(Quadrant::mere_mortal), false, false);

    const char* personal_axis = tr("↑ Personal need met");
    dl->AddText(small, fitted_size(small, personal_axis, w, false), ImVec2(a.x, o.y + label_h * 0.15f), p.text,
                personal_axis);
    centered_text(dl, small, ImVec2((a.x + b.x) * 0.5f, b.y + label_h * 0.55f), p.text, tr("Technical need met →"), w);

    if (path.empty()) return;
    const float dot = std::max(4.0f, size * 0.012f);
    // The path is drawn inset by the big end dot's radius, so a call at 0% or 100%
    // sits inside the frame instead of half off its edge.
    const float inset = dot * 2.4f;
    auto on_path = [&](const PathPoint& pt) {
        ImVec2 q = to_screen(pt.technical_percent, pt.personal_percent);
        q.x = std::clamp(q.x, a.x + inset, b.x - inset);
        q.y = std::clamp(q.y, a.y + inset, b.y - inset);
        return q;
    };
    for (size_t i = 1; i < path.size(); ++i)
        dl->AddLine(on_path(path[i - 1]), on_path(path[i]), with_alpha(p.accent, 170), dot * 0.5f);
    ImVec2 last_label(-1e9f, -1e9f);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        ImVec2 q = on_path(path[i]);
        dl->AddCircleFilled(q, dot, p.panel, 16);
        dl->AddCircle(q, dot, p.accent, 16, 2);
        if (i == 0) continue;
        // Turn numbers only where they don't land on the last one drawn (turns that
        // moved neither need stack up on one spot).
        const ImVec2 at(q.x + dot * 1.2f, q.y - small->FontSize - dot * 0.2f);
        if (std::fabs(at.x - last_label.x) < small->FontSize * 1.2f && std::fabs(at.y - last_label.y) < small->FontSize) continue;
        dl->AddText(small, small->FontSize, at, p.text_dim, std::to_string(i).c_str());
        last_label = at;
    }
    ImVec2 last = on_path(path.back());
    dl->AddCircleFilled(last, dot * 2.2f, p.accent, 24);
    dl->AddCircle(last, dot * 2.2f, p.panel, 24, 2.5f);
}

void draw_quadrant_dots(const std::vector<PathPoint>& dots, const std::vector<ImU32>& dot_colors, int pass_technical,
                        int pass_personal, float size) {
    const Palette& p = palette();
    // Same geometry as draw_quadrant_chart, which draws the frame with no path.
    ImVec2 o = ImGui::GetCursorScreenPos();
    draw_quadrant_chart({}, pass_technical, pass_personal, size);
    const float label_h = fonts().small->FontSize * 1.6f;
    ImVec2 a(o.x, o.y + label_h);
    auto to_screen = [&](const PathPoint& q) {
        return ImVec2(a.x + size * static_cast<float>(std::clamp(q.technical_percent, 0.0, 100.0) / 100.0),
                      a.y + size - size * static_cast<float>(std::clamp(q.personal_percent, 0.0, 100.0) / 100.0));
    };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float dot = std::max(5.0f, size * 0.016f);
    for (size_t i = 0; i < dots.size(); ++i) {
        ImU32 c = i < dot_colors.size() ? dot_colors[i] : p.accent;
        dl->AddCircleFilled(to_screen(dots[i]), dot, with_alpha(c, 200), 16);
        dl->AddCircle(to_screen(dots[i]), dot, p.panel, 16, 1.5f);
    }
    if (!dots.empty()) dl->AddCircle(to_screen(dots.back()), dot * 2.0f, p.text, 24, 2.5f);
}

void draw_needs_over_time(const std::vector<PathPoint>& attempts, float width, float height) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = fonts().small;
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    const float left = small->CalcTextSizeA(small->FontSize, 1e6f, 0, "100%").x + 8;
    ImVec2 a(o.x + left, o.y + small->FontSize * 0.5f), b(o.x + width, o.y + height - small->FontSize * 0.5f);
    dl->AddRectFilled(a, b, p.panel);
    for (int pct : {0, 50, 100}) {
        float y = b.y - (b.y - a.y) * static_cast<float>(pct) / 100.0f;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), p.chart_grid, 1);
        std::string t = std::to_string(pct) + "%";
        dl->AddText(small, small->FontSize, ImVec2(o.x, y - small->FontSize * 0.5f), p.text_dim, t.c_str());
    }
    dl->AddRect(a, b, p.panel_border);
    const size_t n = attempts.size();
    if (n == 0) return;
    auto pt = [&](size_t i, double pct) {
        float x = n == 1 ? (a.x + b.x) * 0.5f : a.x + 12 + (b.x - a.x - 24) * static_cast<float>(i) / static_cast<float>(n - 1);
        return ImVec2(x, b.y - (b.y - a.y) * static_cast<float>(std::clamp(pct, 0.0, 100.0)) / 100.0f);
    };
    const float dot = std::max(4.0f, small->FontSize * 0.3f);
    for (int need = 0; need < 2; ++need) {
        ImU32 c = need == 0 ? p.technical : p.personal;
        auto pct = [&](size_t i) { return need == 0 ? attempts[i].technical_percent : attempts[i].personal_percent; };
        for (size_t i = 1; i < n; ++i) dl->AddLine(pt(i - 1, pct(i - 1)), pt(i, pct(i)), c, 3);
        for (size_t i = 0; i < n; ++i) {
            // Squares for technical, circles for personal: told apart without colour.
            ImVec2 q = pt(i, pct(i));
            if (need == 0) dl->AddRectFilled(ImVec2(q.x - dot, q.y - dot), ImVec2(q.x + dot, q.y + dot), c);
            else dl->AddCircleFilled(q, dot, c, 16);
        }
    }
}

void draw_mood_curve(const std::vector<int>& mood, float width, float height) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = fonts().small;
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    float left = 0;  // room for the longest emotion's name, in this language
    for (int band = 0; band < emotion_count; ++band) {
        const std::string_view name = emotion_name(static_cast<Emotion>(band));
        left = std::max(left, small->CalcTextSizeA(small->FontSize, 1e6f, 0, name.data(), name.data() + name.size()).x);
    }
    left += 10;
    ImVec2 a(o.x + left, o.y), b(o.x + width, o.y + height);
    // Emotion bands, faint, labelled at the left.
    for (int band = 0; band < emotion_count; ++band) {
        float y0 = b.y - (b.y - a.y) * static_cast<float>(band + 1) / 5.0f;
        float y1 = b.y - (b.y - a.y) * static_cast<float>(band) / 5.0f;
        Emotion e = static_cast<Emotion>(band);
        dl->AddRectFilled(ImVec2(a.x, y0), ImVec2(b.x, y1), with_alpha(emotion_color(e), band % 2 ? 26 : 16));
        std::string_view name = emotion_name(e);
        dl->AddText(small, small->FontSize, ImVec2(o.x, (y0 + y1) * 0.5f - small->FontSize * 0.5f), p.text_dim,
                    name.data(), name.data() + name.size());
    }
    dl->AddRect(a, b, p.panel_border);
    if (mood.empty()) return;
    const size_t n = mood.size();
    auto pt = [&](size_t i) {
        float x = n == 1 ? a.x : a.x + (b.x - a.x) * static_cast<float>(i) / static_cast<float>(n - 1);
        return ImVec2(x, b.y - (b.y - a.y) * static_cast<float>(std::clamp(mood[i], 0, 100)) / 100.0f);
    };
    for (size_t i = 1; i < n; ++i) dl->AddLine(pt(i - 1), pt(i), p.mood, 3);
    for (size_t i = 0; i < n; ++i) dl->AddCircleFilled(pt(i), 4, emotion_color(emotion_of(mood[i])), 12);
}

}  // namespace frontline::game
