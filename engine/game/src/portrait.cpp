#include "portrait.hpp"

#include "i18n.hpp"
#include "theme.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace frontline::game {

Emotion emotion_of(int mood) {
    if (mood < 20) return Emotion::furious;
    if (mood < 40) return Emotion::annoyed;
    if (mood < 60) return Emotion::neutral;
    if (mood < 80) return Emotion::pleased;
    return Emotion::delighted;
}

std::string_view emotion_name(Emotion e) {
    switch (e) {
        case Emotion::furious: return tr("Furious");
        case Emotion::annoyed: return tr("Annoyed");
        case Emotion::neutral: return tr("Neutral");
        case Emotion::pleased: return tr("Pleased");
        case Emotion::delighted: return tr("Delighted");
    }
    return tr("Neutral");
}

ImU32 emotion_color(Emotion e) {
    const Palette& p = palette();
    switch (e) {
    case Emotion::furious: return p.bad;
    case Emotion::annoyed: return p.warn;
    case Emotion::neutral: return p.text_dim;
    case Emotion::pleased: return p.accent;
    case Emotion::delighted: return p.good;
    }
    return p.text_dim;
}

namespace {

uint32_t fnv1a(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void ellipse_filled(ImDrawList* dl, ImVec2 c, float rx, float ry, ImU32 col, int segments = 32) {
    for (int i = 0; i < segments; ++i) {
        float a = static_cast<float>(i) / static_cast<float>(segments) * 6.2831853f;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * rx, c.y + std::sin(a) * ry));
    }
    dl->PathFillConvex(col);
}

}  // namespace

void draw_portrait(float mood, std::string_view seed, const std::optional<Portrait>& look, float size) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));

    const float m = std::clamp(mood, 0.0f, 100.0f);
    const float t = (m - 50.0f) / 50.0f;           // -1 furious .. +1 delighted
    const float anger = std::clamp(-t * 1.25f - 0.25f, 0.0f, 1.0f);
    const float joy = std::clamp(t * 1.25f - 0.25f, 0.0f, 1.0f);
    const Emotion emo = emotion_of(static_cast<int>(m));

    uint32_t h = fnv1a(seed);
    static const ImU32 skins[] = {IM_COL32(255, 219, 180, 255), IM_COL32(241, 194, 150, 255),
                                  IM_COL32(198, 145, 104, 255), IM_COL32(141, 94, 63, 255),
                                  IM_COL32(96, 62, 42, 255)};
    static const ImU32 hairs[] = {IM_COL32(40, 30, 25, 255), IM_COL32(110, 70, 40, 255), IM_COL32(200, 160, 90, 255),
                                  IM_COL32(150, 150, 155, 255), IM_COL32(120, 40, 30, 255)};
    // hairs[] in HairColour order: black, brown, auburn, blond, grey.
    static const ImU32 hairs_by_colour[] = {IM_COL32(40, 30, 25, 255), IM_COL32(110, 70, 40, 255), IM_COL32(150, 60, 35, 255),
                                            IM_COL32(200, 160, 90, 255), IM_COL32(165, 165, 170, 255)};
    ImU32 skin = skins[h % 5];
    ImU32 hair = hairs[(h / 5) % 5];
    Portrait::Hair style = std::array{Portrait::Hair::short_hair, Portrait::Hair::long_hair, Portrait::Hair::bun}[(h / 25) % 3];
    bool older = false, glasses = false;
    if (look) {
        skin = skins[static_cast<size_t>(look->skin)];
        hair = hairs_by_colour[static_cast<size_t>(look->hair_colour)];
        style = look->hair;
        older = look->age == Portrait::Age::older;
        glasses = look->glasses;
    }
    const bool long_back = style == Portrait::Hair::long_hair || style == Portrait::Hair::bob;

    const float s = size;
    ImVec2 c(o.x + s * 0.5f, o.y + s * 0.52f);
    // Backdrop tinted by the emotion, so the mood reads from across the room;
    // everything is clipped to it so the shoulders end at its edge.
    const ImVec2 end(o.x + s, o.y + s);
    dl->AddRectFilled(o, end, mix(p.panel, emotion_color(emo), 0.25f), s * 0.08f);
    dl->PushClipRect(o, end, true);

    const ImU32 ink = IM_COL32(40, 30, 30, 255);
    const float fr = s * 0.27f;  // face radius
    // Shoulders and hair behind the face.
    dl->AddCircleFilled(ImVec2(c.x, o.y + s * 1.12f), s * 0.4f, mix(p.accent, IM_COL32(60, 60, 70, 255), 0.5f), 48);
    if (long_back) {
        // Long hair falls past the shoulders; a bob stops at the jaw.
        const float bottom = style == Portrait::Hair::bob ? c.y + fr * 0.7f : c.y + fr * 1.1f;
        dl->AddRectFilled(ImVec2(c.x - fr * 1.12f, c.y - fr * 0.4f), ImVec2(c.x + fr * 1.12f, bottom), hair, fr * 0.4f);
    }
    if (style == Portrait::Hair::bun) dl->AddCircleFilled(ImVec2(c.x, c.y - fr * 1.15f), fr * 0.42f, hair, 32);
    if (style == Portrait::Hair::curly) {
        // A halo of curls around the crown.
        for (int i = 0; i < 9; ++i) {
            const float a = 3.3f + static_cast<float>(i) * 0.35f;
            dl->AddCircleFilled(ImVec2(c.x + std::cos(a) * fr * 1.0f, c.y - fr * 0.1f + std::sin(a) * fr * 1.0f), fr * 0.3f, hair, 16);
        }
    }
    if (style != Portrait::Hair::bald) dl->AddCircleFilled(ImVec2(c.x, c.y - fr * 0.12f), fr * 1.07f, hair, 48);
    else {
        // Bald: a little hair at the sides, above the ears.
        dl->AddCircleFilled(ImVec2(c.x - fr * 0.88f, c.y - fr * 0.05f), fr * 0.22f, hair, 16);
        dl->AddCircleFilled(ImVec2(c.x + fr * 0.88f, c.y - fr * 0.05f), fr * 0.22f, hair, 16);
    }
    // Face.
    ellipse_filled(dl, ImVec2(c.x, c.y + fr * 0.05f), fr * 0.92f, fr * 1.02f, skin, 48);
    // Fringe over the forehead.
    if (style != Portrait::Hair::bald) {
        dl->PathArcTo(ImVec2(c.x, c.y - fr * 0.05f), fr * 0.98f, 3.45f, 5.97f, 24);
        dl->PathLineTo(ImVec2(c.x + fr * 0.6f, c.y - fr * 0.66f));
        dl->PathLineTo(ImVec2(c.x - fr * 0.7f, c.y - fr * 0.62f));
        dl->PathFillConvex(hair);
    }
    if (older) {
        // Lines at the forehead and beside the mouth.
        const ImU32 line = mix(skin, IM_COL32(60, 40, 30, 255), 0.35f);
        dl->AddLine(ImVec2(c.x - fr * 0.35f, c.y - fr * 0.5f), ImVec2(c.x + fr * 0.35f, c.y - fr * 0.5f), line, s * 0.008f);
        dl->AddLine(ImVec2(c.x - fr * 0.5f, c.y + fr * 0.35f), ImVec2(c.x - fr * 0.42f, c.y + fr * 0.62f), line, s * 0.008f);
        dl->AddLine(ImVec2(c.x + fr * 0.5f, c.y + fr * 0.35f), ImVec2(c.x + fr * 0.42f, c.y + fr * 0.62f), line, s * 0.008f);
    }

    // Cheeks: red flush with anger, soft blush with joy.
    if (anger > 0 || joy > 0) {
        ImU32 cheek = anger > 0 ? IM_COL32(220, 60, 50, static_cast<int>(110 * anger))
                                : IM_COL32(240, 120, 130, static_cast<int>(90 * joy));
        dl->AddCircleFilled(ImVec2(c.x - fr * 0.55f, c.y + fr * 0.3f), fr * 0.2f, cheek, 24);
        dl->AddCircleFilled(ImVec2(c.x + fr * 0.55f, c.y + fr * 0.3f), fr * 0.2f, cheek, 24);
    }

    // Eyes: narrowed in anger, happy arcs when delighted.
    const float ey = c.y - fr * 0.02f, ex = fr * 0.36f, er = fr * 0.11f;
    const ImU32 brow = mix(hair, ink, 0.6f);
    for (int side = -1; side <= 1; side += 2) {
        ImVec2 e(c.x + static_cast<float>(side) * ex, ey);
        if (joy > 0.6f) {
            dl->PathArcTo(ImVec2(e.x, e.y + er * 0.5f), er * 1.1f, 3.6f, 5.8f, 12);
            dl->PathStroke(ink, 0, s * 0.018f);
        } else {
            float squint = 1.0f - 0.45f * anger;
            ellipse_filled(dl, e, er * 1.25f, er * 1.25f * squint, IM_COL32(255, 255, 255, 255), 20);
            ellipse_filled(dl, e, er * 0.7f, er * 0.7f * std::max(squint, 0.7f), ink, 16);
        }
        // Brows: inner ends down with anger, up (worried) when annoyed, lifted with joy.
        float inner = anger * 0.35f - std::clamp(-t, 0.0f, 0.6f) * (1.0f - anger) * 0.35f;
        float lift = joy * 0.12f;
        ImVec2 outer_pt(e.x + static_cast<float>(side) * er * 1.6f, ey - fr * (0.27f + lift));
        ImVec2 inner_pt(e.x - static_cast<float>(side) * er * 1.2f, ey - fr * (0.27f + lift - inner));
        dl->AddLine(inner_pt, outer_pt, brow, s * 0.022f);
    }

    if (glasses) {
        const ImU32 frame = IM_COL32(30, 30, 35, 255);
        for (int side = -1; side <= 1; side += 2)
            dl->AddCircle(ImVec2(c.x + static_cast<float>(side) * ex, ey), er * 2.1f, frame, 24, s * 0.014f);
        dl->AddLine(ImVec2(c.x - ex + er * 2.1f, ey), ImVec2(c.x + ex - er * 2.1f, ey), frame, s * 0.014f);
    }

    // Mouth: a curve from frown to smile; open and showing teeth at delight.
    const float my = c.y + fr * 0.5f, mw = fr * (0.36f + 0.08f * std::fabs(t));
    const float curve = t * fr * 0.28f;
    ImVec2 l(c.x - mw, my - curve * 0.4f), r(c.x + mw, my - curve * 0.4f);
    if (joy > 0.6f) {
        dl->PathLineTo(l);
        dl->PathBezierCubicCurveTo(ImVec2(c.x - mw * 0.5f, my + curve * 1.4f), ImVec2(c.x + mw * 0.5f, my + curve * 1.4f),
                                   r, 16);
        dl->PathFillConvex(IM_COL32(120, 30, 40, 255));
        dl->AddLine(l, r, IM_COL32(255, 255, 255, 255), s * 0.02f);
    } else {
        dl->AddBezierCubic(l, ImVec2(c.x - mw * 0.4f, my + curve), ImVec2(c.x + mw * 0.4f, my + curve), r, ink,
                           s * 0.02f, 16);
    }
    dl->PopClipRect();
    dl->AddRect(o, end, emotion_color(emo), s * 0.08f, 0, std::max(2.0f, s * 0.012f));
}

}  // namespace frontline::game
