#pragma once
//! Icons drawn with QPainter in the theme's colours (no SVG plugin needed), and avatars.

#include <QColor>
#include <QIcon>

class QImage;
class QPainterPath;
class QPainter;

namespace kith::app {

class Theme;

namespace icons {

enum class Kind { Hash, Plus, Gear, Send, Logo, People, Compass, Close, ChevronDown, Menu, Check, More, Lock, Search,
                  Smiley, AddReaction, Reply,
                  Hourglass /*!< a channel whose messages are not stored */,
                  Dice /*!< a roulette channel */, Broadcast /*!< a LAN party */ };

//! Logo is the app's artwork (appIcon()), whatever the colour; the others are painted in `color`.
QIcon make(Kind kind, const QColor &color, int size = 20);
//! The Kith mark as the window, tray and menus show it: resources/icons/chat.kith.Kith.svg
//! drawn with QPainter, so the installed icons and the running app look the same.
QIcon appIcon();
//! Reads the artwork once, on any thread: the first image read has Qt list the image-format
//! plugins (each plugin file opened for its metadata), which the window's build then finds done.
void warmUp();
void paint(QPainter *p, Kind kind, const QRectF &r, const QColor &color);
//! A round avatar: initials of `name` on the id's colour.
void paintAvatar(QPainter *p, const QRectF &r, quint64 id, const QString &name, const Theme &theme);
//! The same with the user's picture (AttachmentCache::avatar) when there is one, cut round.
void paintAvatar(QPainter *p, const QRectF &r, quint64 id, const QString &name, const Theme &theme, const QImage &image);
//! `image` filling `shape` (whose bounds are `r`) with smooth, antialiased edges.
void paintImageIn(QPainter *p, const QRectF &r, const QPainterPath &shape, const QImage &image);
QString initials(const QString &name);
//! The status dot at an avatar's corner: a ring in `ring` (the background) around the colour of
//! the status (online, idle, dnd, invisible, offline).
void paintPresence(QPainter *p, const QPointF &center, qreal radius, const QString &status,
                   const QColor &ring, const Theme &theme);
//! A red pill with a count (mentions), centred on `center`.
void paintBadge(QPainter *p, const QPointF &center, int count, const QColor &ring, const Theme &theme);

} // namespace icons
} // namespace kith::app
