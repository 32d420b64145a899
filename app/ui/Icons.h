#pragma once
//! Icons drawn with QPainter in the theme's colours (no SVG plugin needed), and avatars.

#include <QColor>
#include <QIcon>

class QPainter;

namespace kith::app {

class Theme;

namespace icons {

enum class Kind { Hash, Plus, Gear, Send, Logo, People, Compass, Close, ChevronDown };

QIcon make(Kind kind, const QColor &color, int size = 20);
void paint(QPainter *p, Kind kind, const QRectF &r, const QColor &color);
//! A round avatar: initials of `name` on the id's colour.
void paintAvatar(QPainter *p, const QRectF &r, quint64 id, const QString &name, const Theme &theme);
QString initials(const QString &name);

} // namespace icons
} // namespace kith::app
