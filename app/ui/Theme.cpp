#include "Theme.h"

#include "Icons.h"
#include "KithStyle.h"

#include <QApplication>
#include <algorithm>
#include <utility>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QImage>
#include <QPainter>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace kith::app {

Theme::Theme(QObject *parent, const QString &assetFolder) : QObject(parent), m_assetFolder(assetFolder)
{
    load(QStringLiteral("dark"));
}

namespace {
// Two scans of the style sheet at every start, by hand: QRegularExpression would compile and
// run PCRE for them (its code resident, ~70 KB, and slower than this).

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

//! `text` with every `@name` (ASCII letters) replaced by what `value(name)` gives.
template <class F>
QString replaceVariables(QStringView text, F value)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype at = text.indexOf(u'@', i);
        if (at < 0)
            break;
        qsizetype end = at + 1;
        while (end < text.size() && isAsciiLetter(text[end]))
            ++end;
        out += text.mid(i, at - i);
        out += end > at + 1 ? value(text.mid(at + 1, end - at - 1)) : QString(u'@');
        i = end;
    }
    out += text.mid(i);
    return out;
}

//! `text` with every size in points (`13pt`, `10.5pt`) multiplied by `scale`.
QString scalePoints(QStringView text, double scale)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype pt = text.indexOf(u"pt", i);
        if (pt < 0)
            break;
        qsizetype start = pt;
        while (start > i && (text[start - 1].isDigit() || text[start - 1] == u'.'))
            --start;
        const double points = text.mid(start, pt - start).toDouble();
        out += text.mid(i, start - i);
        if (start < pt && points > 0)
            out += QString::number(points * scale, 'f', 1);
        else
            out += text.mid(start, pt - start);
        out += QLatin1String("pt");
        i = pt + 2;
    }
    out += text.mid(i);
    return out;
}
} // namespace

void Theme::load(const QString &name)
{
    const QString wanted = names().contains(name) ? name : QStringLiteral("dark");
    // The same palette again is the same sheet ("system" follows the platform, so it is read).
    if (wanted == m_name && wanted != u"system" && !m_qss.isEmpty())
        return;
    m_name = wanted;
    reload();
}

void Theme::reload()
{
    m_effective = m_name;
    if (m_name == u"system") {
        // Qt 6.4 has no colour-scheme hint yet; a light window background means a light system.
        const QColor window = QGuiApplication::palette().color(QPalette::Window);
        m_effective = window.lightness() > 128 && qApp && qApp->platformName() != u"offscreen"
            ? QStringLiteral("light") : QStringLiteral("dark");
    }
    QFile f(QStringLiteral(":/themes/%1.json").arg(m_effective));
    f.open(QIODevice::ReadOnly);
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    m_values.clear();
    for (auto it = o.begin(); it != o.end(); ++it)
        m_values.insert(it.key(), it.value().toString());
    // Style sheets take images from files only: the combo-box arrow and the check mark, drawn
    // in this theme's colours. Files are named by what they show, so they are written once and
    // read at every later start: writing an image loads every image-format plugin (~0.5 MB).
    if (m_assetFolder.isEmpty()) {
        if (!m_tempAssets)
            m_tempAssets = std::make_unique<QTemporaryDir>();
        m_assetFolder = m_tempAssets->path();
    }
    const auto asset = [this](icons::Kind kind, const QString &colorKey, const QString &file) {
        constexpr int kDrawingVersion = 1; // raise when icons::paint draws these differently
        const QColor c = color(colorKey);
        const QString path = QDir(m_assetFolder).filePath(
            QStringLiteral("%1-v%2-%3.png").arg(file).arg(kDrawingVersion).arg(c.name(QColor::HexArgb).mid(1)));
        if (!QFile::exists(path)) {
            QDir().mkpath(m_assetFolder);
            QImage image(24, 24, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            icons::paint(&p, kind, QRectF(0, 0, 24, 24), c);
            p.end();
            // Written aside and renamed, so a reader never sees half a file.
            QSaveFile out(path);
            if (out.open(QIODevice::WriteOnly))
                image.save(&out, "PNG") && out.commit();
        }
        return path;
    };
    m_values.insert(QStringLiteral("arrowImage"), asset(icons::Kind::ChevronDown, QStringLiteral("textMuted"), QStringLiteral("arrow")));
    m_values.insert(QStringLiteral("checkImage"), asset(icons::Kind::Check, QStringLiteral("accentText"), QStringLiteral("check")));

    QFile q(QStringLiteral(":/themes/app.qss"));
    q.open(QIODevice::ReadOnly);
    QString qss = QString::fromUtf8(q.readAll());
    QString out = replaceVariables(qss, [this](QStringView name) {
        return m_values.value(name.toString(), QStringLiteral("magenta"));
    });
    if (m_scale != 1.0)
        out = scalePoints(out, m_scale);
    m_qss = out;
}

void Theme::setCompact(bool compact)
{
    if (std::exchange(m_compact, compact) != compact)
        emit changed();
}

void Theme::setTextScale(double scale)
{
    const double clamped = std::clamp(scale, 0.8, 1.6);
    if (std::exchange(m_scale, clamped) != clamped && !m_name.isEmpty())
        reload();
}

QString Theme::title(const QString &name)
{
    if (name == u"dark")
        return tr("Dark");
    if (name == u"light")
        return tr("Light");
    if (name == u"midnight")
        return tr("Midnight (black)");
    if (name == u"ash")
        return tr("Ash (grey)");
    if (name == u"nord")
        return tr("Nord (cool blue)");
    if (name == u"forest")
        return tr("Forest (green)");
    if (name == u"sepia")
        return tr("Sepia (warm light)");
    if (name == u"ocean")
        return tr("Ocean (blue light)");
    return tr("Follow the system");
}

QColor Theme::color(const QString &key) const
{
    return QColor::fromString(m_values.value(key, QStringLiteral("#ff00ff")));
}

QColor Theme::idColor(quint64 id) const
{
    // Fold the id so ids made in the same millisecond range still spread over the hues.
    quint64 h = id * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    const double s = m_values.value(QStringLiteral("avatarSaturation")).toDouble();
    const double l = m_values.value(QStringLiteral("avatarLightness")).toDouble();
    return QColor::fromHslF(float(h % 360) / 360.f, float(s), float(l));
}

QColor Theme::nameColor(quint64 id) const
{
    const QColor hue = idColor(id);
    const bool dark = color(QStringLiteral("chat")).lightnessF() < 0.5;
    return QColor::fromHslF(hue.hslHueF(), 0.6f, dark ? 0.72f : 0.38f);
}

void Theme::apply(QApplication *app)
{
    QPalette p;
    p.setColor(QPalette::Window, color(QStringLiteral("chat")));
    p.setColor(QPalette::WindowText, color(QStringLiteral("text")));
    p.setColor(QPalette::Base, color(QStringLiteral("input")));
    p.setColor(QPalette::AlternateBase, color(QStringLiteral("sidebar")));
    p.setColor(QPalette::Text, color(QStringLiteral("text")));
    p.setColor(QPalette::PlaceholderText, color(QStringLiteral("textFaint")));
    p.setColor(QPalette::Button, color(QStringLiteral("selected")));
    p.setColor(QPalette::ButtonText, color(QStringLiteral("text")));
    p.setColor(QPalette::Highlight, color(QStringLiteral("accent")));
    p.setColor(QPalette::HighlightedText, color(QStringLiteral("accentText")));
    p.setColor(QPalette::Link, color(QStringLiteral("link")));
    p.setColor(QPalette::ToolTipBase, color(QStringLiteral("rail")));
    p.setColor(QPalette::ToolTipText, color(QStringLiteral("text")));
    p.setColor(QPalette::Mid, color(QStringLiteral("separator")));
    p.setColor(QPalette::Disabled, QPalette::Text, color(QStringLiteral("textFaint")));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, color(QStringLiteral("textFaint")));
    app->setPalette(p);
    // One font for widgets and for what delegates draw; style sheets would only reach widgets.
    QFont font = app->font();
    font.setPointSizeF(10 * m_scale);
    app->setFont(font);
    // A new style polishes every widget again: the palette's colours and the text size reach
    // what KithStyle set on the widgets it draws.
    app->setStyle(new KithStyle(this));
    if (!std::exchange(m_watching, true))
        app->installEventFilter(this);
    m_dressed.removeAll(nullptr);
    for (const QPointer<QWidget> &w : std::as_const(m_dressed))
        w->setStyleSheet(m_qss);
    emit changed();
}

namespace {
const char *const kUndressed = "kithUndressed";
}

void Theme::keepUndressed(QWidget *window)
{
    window->setProperty(kUndressed, true);
}

void Theme::dress(QWidget *root) const
{
    m_dressed.removeAll(nullptr); // menus and dialogs come and go
    if (!m_dressed.contains(root))
        m_dressed.append(root);
    // The sheet's own base: Fusion itself, not the application's KithStyle (a proxy, which the
    // sheet would measure some controls against differently).
    if (!m_sheetBase) {
        m_sheetBase = QStyleFactory::create(QStringLiteral("Fusion"));
        m_sheetBase->setParent(const_cast<Theme *>(this));
    }
    if (root->isWindow())
        root->setStyle(m_sheetBase);
    root->setStyleSheet(m_qss);
}

// Windows are dressed as they are made (QWidget's constructor sends Create): a dialog measures
// and lays itself out under the sheet from the start. Menus and other pop-ups are dressed when
// first shown (Polish): they measure themselves only then, and the menus the window holds from
// the start would otherwise each parse the sheet before the first paint. A window made without
// a parent (the main window among them) is dressed when it is polished, unless it asked not to
// be. One inside a dressed window inherits its sheet already.
bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type == QEvent::Create || type == QEvent::Polish || type == QEvent::PolishRequest) && watched->isWidgetType()) {
        auto *w = static_cast<QWidget *>(watched);
        if (!w->isWindow() || w->property(kUndressed).toBool() || w->style()->inherits("QStyleSheetStyle"))
            return false;
        const bool atPolish = !w->parentWidget() || w->windowType() == Qt::Popup;
        // Qt asks to polish every new widget once the event loop runs; a hidden pop-up is
        // polished anyway when it is shown or measured (ensurePolished), so not before the first paint.
        if (type == QEvent::PolishRequest)
            return atPolish && !w->isVisible();
        if (type == QEvent::Polish || !atPolish)
            dress(w);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kith::app
