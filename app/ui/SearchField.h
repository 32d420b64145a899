#pragma once
//! The search box in the channel header: Enter searches, Escape clears, and the word under the
//! cursor completes `from:` (people here), `in:` (channels) and `has:` from a popup, by keyboard.

#include <QLineEdit>
#include <functional>

class QCompleter;
class QStringListModel;

namespace kith::app {

class SearchField : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchField(QWidget *parent = nullptr);

    //! What `from:` and `in:` offer: usernames of the people here, names of the channels.
    using Names = std::function<QStringList()>;
    void setSources(Names people, Names channels);
    //! The completions for `word` (the text before the cursor back to the last space).
    QStringList completionsFor(const QString &word) const;
    QCompleter *completer() const { return m_completer; }

signals:
    void searchRequested(const QString &text);
    void cleared();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void updateCompletions();
    void insertCompletion(const QString &completion);
    //! Where the word under the cursor starts.
    int wordStart() const;

    QCompleter *m_completer;
    QStringListModel *m_candidates;
    Names m_people;
    Names m_channels;
};

} // namespace kith::app
