-- Headless smoke test of newsls through Neovim's built-in LSP client.
--
--   nvim --headless -u NONE -i NONE -l smoke.lua NEWSLS_BINARY ARTICLE OUT_JSON
--
-- Opens ARTICLE, waits for diagnostics, asks for hover on "Xi Jinping" and
-- for document symbols, types a source before the unattributed claim, and
-- writes what it saw to OUT_JSON. Exits 0 when every check passes.

local binary, article, out = arg[1], arg[2], arg[3]
local results = { checks = {} }
local failed = false

local function check(name, ok, detail)
  table.insert(results.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then failed = true end
end

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(results))
  f:close()
  os.exit(failed and 1 or 0)
end

vim.cmd.edit(article)
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'text'
local client_id = vim.lsp.start({
  name = 'newsls',
  cmd = { binary },
  root_dir = vim.fs.dirname(article),
  init_options = { diagnostics = { delayMs = 0 } },
}, { bufnr = buf })
check('client started', client_id ~= nil)
local client = vim.lsp.get_client_by_id(client_id)

local function diags()
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
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

vim.wait(10000, function() return #diags() > 0 end, 50)
results.diagnostics = #diags()
check('diagnostics published', #diags() > 0, #diags())
check('unattributed claim flagged', claim_flagged())

-- Hover on "Xi Jinping" (line 1).
local line1 = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
local col = line1:find('Xi Jinping', 1, true) - 1
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = vim.str_utfindex(line1, 'utf-16', col) } }
local hover = client:request_sync('textDocument/hover', params, 5000, buf)
local md = hover and hover.result and hover.result.contents.value or ''
results.hover = md
check('hover names the actor', md:find('Xi Jinping', 1, true) ~= nil, md)
check('hover lists quotes', md:find('Quoted', 1, true) ~= nil, md)

local symbols = client:request_sync('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, 5000, buf)
local names = {}
for _, s in ipairs(symbols and symbols.result or {}) do table.insert(names, s.name) end
results.symbols = names
check('outline has speakers', vim.tbl_contains(names, 'Xi Jinping') and vim.tbl_contains(names, 'The New York Times'), names)

-- Type a source before the claim, as a reporter would.
local start = line1:find(claim, 1, true) - 1
vim.api.nvim_buf_set_text(buf, 0, start, 0, start + 1, { 'Selon Reuters, u' })
vim.wait(10000, function() return not claim_flagged() end, 50)
check('source clears the claim', not claim_flagged())
results.diagnostics_after = #diags()

client:stop()
finish()
