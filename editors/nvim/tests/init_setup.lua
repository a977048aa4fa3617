-- A user's init.lua with setup{} (the way for Neovim before 0.11).
vim.opt.rtp:prepend(os.getenv('NEWSLS_PLUGIN'))
require('newsls').setup({
  cmd = { os.getenv('NEWSLS_BIN') },
  init_options = { diagnostics = { delayMs = 0 } },
})
