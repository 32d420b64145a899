#pragma once
//! The colour scheme: a palette file plus one QSS template from resources/themes. Widgets and
//! delegates take every colour from here; none is written into a widget.

#include <QColor>
#include <QHash>
#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QApplication;

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
    //! Applies palette, font and style sheet to the whole application; then `changed`.
    void apply(QApplication *app);
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

private:
    QString m_name;
    QString m_effective;
    QHash<QString, QString> m_values;
    QString m_qss;
    double m_scale = 1.0;
    bool m_compact = false;
    QString m_assetFolder;
    std::unique_ptr<QTemporaryDir> m_tempAssets; //!< when no asset folder was given
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
