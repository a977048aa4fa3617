-- Headless test of the newsls plugin through Neovim's own LSP client.
--
--   nvim --headless -u init_enable.lua -i NONE -l smoke.lua ARTICLE OUT_JSON
--
-- The init file loads the plugin as a user's config would. This script
-- opens ARTICLE, waits for the client and its diagnostics, asks for hover
-- on "Xi Jinping" and the document symbols, runs :checkhealth newsls,
-- :NewslsStats, :NewslsStats html and :NewslsRestart, types a source
-- before an unattributed claim, and writes what it saw to OUT_JSON. Exits 0 when every check
-- passes.

local article, out = arg[1], arg[2]
-- Every wait is on a condition; the bound only decides when to give up,
-- and is generous because CI machines can be busy (debug build, 2 cores).
local TIMEOUT = 90000
local results = { checks = {} }
local failed = false

local function check(name, ok, detail)
  table.insert(results.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then
    failed = true
  end
end

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(results))
  f:close()
  os.exit(failed and 1 or 0)
end

vim.cmd.edit(article)
local buf = vim.api.nvim_get_current_buf()
check('filetype detected as text', vim.bo[buf].filetype == 'text', vim.bo[buf].filetype)

local function client_of(bufnr)
  return vim.lsp.get_clients({ name = 'newsls', bufnr = bufnr })[1]
end
vim.wait(TIMEOUT, function()
  return client_of(buf) ~= nil and client_of(buf).initialized
end, 20)
local client = client_of(buf)
check('client attached by the plugin', client ~= nil)
if not client then
  finish()
end
local corpus = vim.fs.dirname(vim.fs.dirname(article))
check('root is the folder with newsls.toml', client.root_dir == corpus, client.root_dir)

local function diags()
  local c = client_of(buf)
  if not c then
    return {}
  end
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(c.id) })
end

local claim = 'Un accord pourrait voir le jour'
local function claim_flagged()
  for _, d in ipairs(diags()) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    if d.code == 'unattributed-claim' and line:sub(d.col + 1, d.col + #claim) == claim then
      return true
    end
  end
  return false
end

vim.wait(TIMEOUT, function()
  return #diags() > 0
end, 50)
results.diagnostics = #diags()
check('diagnostics published', #diags() > 0, #diags())
check('unattributed claim flagged', claim_flagged())

-- Hover on "Xi Jinping" (line 1).
local line1 = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
local col = line1:find('Xi Jinping', 1, true) - 1
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 0, character = vim.str_utfindex(line1, 'utf-16', col) },
}
local hover = client:request_sync('textDocument/hover', params, TIMEOUT, buf)
local md = hover and hover.result and hover.result.contents.value or ''
results.hover = md
check('hover names the actor', md:find('Xi Jinping', 1, true) ~= nil, md)
check('hover lists quotes', md:find('Quoted', 1, true) ~= nil, md)

local symbols = client:request_sync('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, TIMEOUT, buf)
local names = {}
for _, s in ipairs(symbols and symbols.result or {}) do
  table.insert(names, s.name)
end
results.symbols = names
check(
  'outline has speakers',
  vim.tbl_contains(names, 'Xi Jinping') and vim.tbl_contains(names, 'The New York Times'),
  names
)

-- :checkhealth newsls
vim.cmd('checkhealth newsls')
local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
results.health = health
check('checkhealth finds the server', health:find('server: ', 1, true) ~= nil and not health:find('ERROR', 1, true), health)
check('checkhealth sees the client', health:find('client ' .. client.id .. ' running', 1, true) ~= nil, health)
check('checkhealth counts buffers in English', health:find(', 1 buffer\n', 1, true) ~= nil, health)
vim.cmd('tabclose')
vim.api.nvim_set_current_buf(buf)

-- :NewslsStats
vim.cmd('NewslsStats')
local stats = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
results.stats = stats
check('NewslsStats shows who is quoted', stats:find('| Xi Jinping | person | 4 |', 1, true) ~= nil, stats)
check('NewslsStats opens a markdown scratch buffer', vim.bo.filetype == 'markdown' and vim.bo.buftype == 'nofile')
vim.cmd('close')
vim.api.nvim_set_current_buf(buf)

-- :NewslsStats html: the HTML report written to a file and handed to the
-- system opener (mocked: no browser in a headless test).
local opened = {}
local real_open = vim.ui.open
vim.ui.open = function(path)
  table.insert(opened, path)
  return { wait = function() return { code = 0 } end }, nil
end
vim.cmd('NewslsStats html')
vim.ui.open = real_open
local report = require('newsls').report_path()
local f = io.open(report, 'r')
local page = f and f:read('*a') or ''
if f then
  f:close()
end
results.report = { path = report, opened = opened, size = #page }
check('NewslsStats html opens the report with the system opener', #opened == 1 and opened[1] == report, opened)
check('NewslsStats html writes a page with charts', page:find('<!DOCTYPE html>', 1, true) == 1
  and select(2, page:gsub('<svg ', '')) >= 3, #page)
check('the report names who is quoted', page:find('Xi Jinping', 1, true) ~= nil)
check('no buffer is opened for the HTML report', vim.api.nvim_get_current_buf() == buf)

-- :NewslsRestart: a new client, diagnostics again.
local old_id = client.id
vim.cmd('NewslsRestart')
vim.wait(TIMEOUT, function()
  local c = client_of(buf)
  return c ~= nil and c.id ~= old_id and c.initialized and #diags() > 0
end, 50)
client = client_of(buf)
check('NewslsRestart starts a new client', client ~= nil and client.id ~= old_id, client and client.id)
check('diagnostics after restart', claim_flagged())

-- Type a source before the claim, as a reporter would, and wait for the
-- server's next diagnostics (not the old ones, shifted by the edit).
local updates = 0
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  buffer = buf,
  callback = function()
    updates = updates + 1
  end,
})
local function claim_on_line1()
  for _, d in ipairs(diags()) do
    if d.code == 'unattributed-claim' and d.lnum == 0 then
      return true
    end
  end
  return false
end
local start = line1:find(claim, 1, true) - 1
vim.api.nvim_buf_set_text(buf, 0, start, 0, start + 1, { 'Selon Reuters, u' })
vim.wait(TIMEOUT, function()
  return updates > 0 and not claim_on_line1()
end, 50)
check('source clears the claim', updates > 0 and not claim_on_line1(), { updates = updates })
results.diagnostics_after = #diags()

for _, c in ipairs(vim.lsp.get_clients({ name = 'newsls' })) do
  c:stop()
end
finish()
