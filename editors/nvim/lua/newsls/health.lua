-- `:checkhealth newsls`
local M = {}

function M.check()
  local health = vim.health
  health.start('newsls')
  local v = vim.version()
  if vim.lsp.enable then
    health.ok(('Neovim %d.%d: vim.lsp.enable("newsls") is available'):format(v.major, v.minor))
  elseif vim.fn.has('nvim-0.10') == 1 then
    health.ok(('Neovim %d.%d: use require("newsls").setup{}'):format(v.major, v.minor))
  else
    health.error('Neovim 0.10 or later is required', { 'Upgrade Neovim' })
  end

  local cmd = require('newsls').command()
  local exe = cmd[1]
  if vim.fn.executable(exe) == 1 then
    local result = vim.system({ exe, '--version' }, { text = true }):wait()
    if result.code == 0 then
      health.ok(('server: %s (%s)'):format(vim.fn.exepath(exe), vim.trim(result.stdout)))
    else
      health.error(('server %s does not run: %s'):format(exe, result.stderr or ''))
    end
  else
    health.error(('server "%s" not found'):format(exe), {
      'Install it: cargo install --path . in the newsls repository',
      "Or point to it: vim.lsp.config('newsls', { cmd = { '/path/to/newsls' } })",
    })
  end

  local clients = require('newsls').clients(nil)
  if #clients == 0 then
    health.info('no newsls client is running (open a text or markdown file)')
  end
  for _, client in ipairs(clients) do
    local n = vim.tbl_count(client.attached_buffers)
    health.ok(('client %d running, root %s, %d %s'):format(
      client.id,
      client.root_dir or '(none)',
      n,
      n == 1 and 'buffer' or 'buffers'
    ))
  end
end

return M
