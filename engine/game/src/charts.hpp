// The debrief's two charts, drawn with ImDrawList: the quadrant (technical %
// against personal %, with the path the call took) and the mood curve.
#pragma once

#include "debrief_model.hpp"

namespace frontline::game {

/// Square chart of side `size` at the cursor. Pass marks split it into the four
/// quadrants; the path is numbered by turn and ends in this attempt's dot.
void draw_quadrant_chart(const std::vector<PathPoint>& path, int pass_technical, int pass_personal, float size);

/// Mood over the call, 0..100, with the five emotion bands behind it.
void draw_mood_curve(const std::vector<int>& mood, float width, float height);

}  // namespace frontline::game
