#pragma once
//! A popup of common emoji (resources/emoji/emoji.tsv): a search field over a grid, the
//! recently used first (kept in the settings given), arrows to move, Enter to pick, Escape to
//! close. Made the first time it is needed, never at start-up.

#include <QFrame>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;
class QSettings;

namespace kith::app {

class Theme;

class EmojiPicker : public QFrame
{
    Q_OBJECT
public:
    //! `settings` keeps the recent emoji; without it they last as long as the picker.
    EmojiPicker(QSettings *settings, const Theme *theme, QWidget *parent = nullptr);

    //! Shows it with its bottom-left corner at `globalPos` (moved to stay on the screen),
    //! the search empty and focused.
    void popup(const QPoint &globalPos);
    QLineEdit *searchField() const { return m_search; }
    QListWidget *grid() const { return m_grid; }
    //! The emoji shown now, in order.
    QStringList shown() const;
    //! Most recent first, at most kRecentMax.
    QStringList recent() const { return m_recent; }
    //! What the search matches: every word of `query` starts a word of the emoji's name or
    //! its other search words.
    static bool matches(const QString &query, const QString &words);

    static constexpr int kRecentMax = 18;
    static constexpr int kColumns = 9;

signals:
    void picked(const QString &emoji);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Entry {
        QString emoji;
        QString name;
        QString words; //!< name and search words, lower case
    };
    void load();
    void refill();
    void pick(const QString &emoji);
    void syncFooter();
    void retranslate();

    QSettings *m_settings;
    QList<Entry> m_entries;
    QStringList m_recent;
    QLineEdit *m_search;
    QLabel *m_caption;
    QListWidget *m_grid;
    QLabel *m_footer;
};

} // namespace kith::app
