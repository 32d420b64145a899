#pragma once
//! Completes what is being typed in the composer: `@` and a name offers the people here (and
//! @everyone where it counts), `#` the channels; Up/Down choose, Enter or Tab insert
//! "@username " or "#channel ", Escape closes. The popup is made on the first `@` or `#`.

#include "shared/Types.h"

#include <QObject>
#include <functional>

class QCompleter;
class QPlainTextEdit;
class QStandardItemModel;

namespace kith::app {

class Theme;

struct MentionCandidate {
    QString insert;  //!< what goes into the text, without the @ or #: a username or channel name
    QString label;   //!< what the list shows: a display name, or the channel's name
    Id id = 0;       //!< the user's (avatar colour) or channel's id
};

class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    //! The candidates for `kind` ('@' or '#') whose names start with `prefix`, best first.
    using Source = std::function<QList<MentionCandidate>(QChar kind, const QString &prefix)>;
    MentionCompleter(QPlainTextEdit *editor, const Theme *theme, Source source);

    //! Whether the list is open (the editor leaves Enter, Tab, Up, Down and Escape to it).
    bool isOpen() const;
    QCompleter *completer() const { return m_completer; }
    //! The `@name` or `#name` before the cursor ("" when none): kind, and where it starts.
    static bool tokenBefore(const QString &text, int cursor, QChar *kind, int *start);

private:
    void update();
    void insert(const QModelIndex &index);

    QPlainTextEdit *m_editor;
    const Theme *m_theme;
    Source m_source;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_model = nullptr;
    QChar m_kind;
};

} // namespace kith::app
