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
end, {
  nargs = '*',
  -- `html` first (the HTML report, opened with the system opener), then folders.
  complete = function(lead, line)
    local dirs = vim.fn.getcompletion(lead, 'dir')
    if line:match('^%s*%S+%s+%S*$') and ('html'):find(lead, 1, true) == 1 then
      table.insert(dirs, 1, 'html')
    end
    return dirs
  end,
  desc = 'Corpus stats: who is quoted and how ([html] [dir…])',
})
