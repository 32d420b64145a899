#pragma once
//! The colour scheme: a palette file plus one QSS template from resources/themes. Widgets and
//! delegates take every colour from here; none is written into a widget.

#include <QColor>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>
#include <QTemporaryDir>
#include <memory>

class QApplication;
class QStyle;

namespace kith::app {

//! The height of every pane's header (sidebar, chat, friends, search): one line across the window.
inline constexpr int kHeaderHeight = 52;

class Theme : public QObject
{
    Q_OBJECT
public:
    //! `assetFolder` keeps the images the style sheet names from one start to the next (the
    //! data folder's cache); without one they go to a temporary folder.
    explicit Theme(QObject *parent = nullptr, const QString &assetFolder = {});

    //! "dark", "light" or "system" (follows the platform's colour scheme where Qt knows it).
    void load(const QString &name);
    QString name() const { return m_name; }
    QString effectiveName() const { return m_effective; }
    //! Applies palette and font to the whole application, and the style sheet to every window
    //! but the main one (and to the subtrees given to dress()); then `changed`.
    void apply(QApplication *app);
    //! Puts `root` and what it holds under the style sheet, now and after every apply(): the
    //! main window's pages opened later (welcome, friends, search). Its permanent parts (rail,
    //! sidebar, chat, members) draw with the palette instead: a widget under a style sheet costs
    //! every time it is polished, measured and painted, and those are on the way to the first paint.
    void dress(QWidget *root) const;
    //! A window that draws with the palette (the main window): never dressed. Call it in the
    //! window's constructor, before it is first shown.
    static void keepUndressed(QWidget *window);
    //! Text size as a factor of the default (0.8–1.6): the application font and every size the
    //! style sheet names. Takes effect at the next apply().
    void setTextScale(double scale);
    double textScale() const { return m_scale; }
    //! Message density: compact rows (no avatars, the name on the message's line) or cozy
    //! ones. Emits `changed` at once; the style sheet does not depend on it.
    void setCompact(bool compact);
    bool compact() const { return m_compact; }

    QColor color(const QString &key) const;
    //! A stable colour for an id (avatars, guild icons), in the theme's saturation/lightness.
    QColor idColor(quint64 id) const;
    //! The id's hue as text on the chat background: lighter on dark themes, darker on light ones.
    QColor nameColor(quint64 id) const;
    QString styleSheet() const { return m_qss; }

    //! Every theme: eight palettes (resources/themes/NAME.json), then "system".
    static QStringList names()
    {
        return {QStringLiteral("dark"),   QStringLiteral("light"),  QStringLiteral("midnight"), QStringLiteral("ash"),
                QStringLiteral("nord"),   QStringLiteral("forest"), QStringLiteral("sepia"),    QStringLiteral("ocean"),
                QStringLiteral("system")};
    }
    //! What the settings call it, in the user's language.
    static QString title(const QString &name);

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload(); //!< reads m_name's palette and makes the style sheet at m_scale

    QString m_name;
    QString m_effective;
    QHash<QString, QString> m_values;
    QString m_qss;
    double m_scale = 1.0;
    bool m_compact = false;
    QString m_assetFolder;
    std::unique_ptr<QTemporaryDir> m_tempAssets; //!< when no asset folder was given
    mutable QList<QPointer<QWidget>> m_dressed;
    mutable QStyle *m_sheetBase = nullptr; //!< under a dressed window's sheet: Fusion, as under KithStyle
    bool m_watching = false;
};

//! For colours a widget takes when it is built (icons, style sheets): runs `apply` now and again
//! on every theme change while `context` lives, so that a new theme needs no new window.
template <class F>
void followTheme(const Theme *theme, QObject *context, F apply)
{
    apply();
    QObject::connect(theme, &Theme::changed, context, apply);
}

} // namespace kith::app
