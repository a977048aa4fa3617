;;; test.el --- newsls through Emacs's eglot, headless  -*- lexical-binding: t -*-
;;
;;   NEWSLS_BIN=… emacs --batch -Q -l test.el ARTICLE
;;
;; Uses the configuration the README gives for eglot, opens ARTICLE, waits
;; for diagnostics, asks for hover on "Xi Jinping" and the document
;; symbols, prints what it saw and exits 1 when a check fails.

(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path d))
(require 'eglot)
;; Waits are on conditions; the bounds only decide when to give up, and are
;; generous because CI machines can be busy.
(setq jsonrpc-default-request-timeout 90)
(setq eglot-connect-timeout 90)

;; The README snippet, with the binary under test.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((text-mode markdown-mode) . (,(getenv "NEWSLS_BIN")))))
(add-hook 'text-mode-hook #'eglot-ensure)

(defvar newsls-failed nil)
(defun newsls-check (name ok detail)
  (princ (format "%s %s\n" (if ok "ok   " "FAIL ") name))
  (unless ok
    (setq newsls-failed t)
    (princ (format "      %S\n" detail))))

(find-file (car command-line-args-left))
;; eglot-ensure starts the server after the command that opened the file.
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 90)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)))

(let ((texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  (newsls-check "eglot connects" (eglot-current-server) nil)
  (newsls-check "diagnostics in flymake"
                (seq-some (lambda (s) (string-match-p "unattributed-claim" s)) texts)
                texts))

(goto-char (point-min))
(search-forward "Xi Jinping")
(backward-char 3)
(let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                               (eglot--TextDocumentPositionParams)))
       (value (plist-get (plist-get hover :contents) :value)))
  (newsls-check "hover names the actor and lists quotes"
                (and (stringp value) (string-match-p "Xi Jinping" value)
                     (string-match-p "Quoted" value))
                value))

(let* ((symbols (jsonrpc-request (eglot-current-server) :textDocument/documentSymbol
                                 `(:textDocument ,(eglot--TextDocumentIdentifier))))
       (names (mapcar (lambda (s) (plist-get s :name)) symbols)))
  (newsls-check "document symbols group quotes by speaker"
                (and (member "Xi Jinping" names) (member "The New York Times" names))
                names))

(kill-emacs (if newsls-failed 1 0))
