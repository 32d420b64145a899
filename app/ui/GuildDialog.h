#pragma once
//! "+" in the rail: create a server, or join one with an invite code.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace kith::app {

class GuildDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuildDialog(const QString &suggestedName, QWidget *parent = nullptr);
    bool isJoin() const;
    QString name() const;
    QString code() const;
    QString rawCode() const; //!< the join field as typed (a link, a URL and a code, or a code)
    void setJoin(bool join);
    void setCode(const QString &code);
    //! Shows why the join failed under the field; the dialog stays open to fix the code.
    void setError(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);

signals:
    //! OK on the join tab: the dialog stays open until the host answers.
    void joinRequested(const QString &raw);

private:
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QLineEdit *m_code;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace kith::app
