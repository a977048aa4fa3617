-- User commands of newsls; the server itself starts through
-- `vim.lsp.enable('newsls')` (Neovim ≥ 0.11) or `require('newsls').setup{}`.
if vim.g.loaded_newsls then
  return
end
vim.g.loaded_newsls = true

vim.api.nvim_create_user_command('NewslsRestart', function()
  require('newsls').restart()
end, { desc = 'Restart the newsls language server' })

vim.api.nvim_create_user_command('NewslsStats', function(opts)
  require('newsls').stats(opts.fargs)
end, { nargs = '*', complete = 'dir', desc = 'Corpus stats: who is quoted and how' })
