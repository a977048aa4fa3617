-- A user's init.lua on Neovim ≥ 0.11: the plugin on the runtimepath,
-- the server enabled with vim.lsp.enable. NEWSLS_PLUGIN and NEWSLS_BIN
-- come from run.sh.
vim.opt.rtp:prepend(os.getenv('NEWSLS_PLUGIN'))
vim.lsp.config('newsls', {
  cmd = { os.getenv('NEWSLS_BIN') },
  init_options = { diagnostics = { delayMs = 0 } },
})
vim.lsp.enable('newsls')
