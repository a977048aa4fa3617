-- newsls: hover on actors, diagnostics for unattributed claims and an
-- outline of quotes, for news articles. See `:help newsls`.
local M = {}

M.defaults = {
  cmd = { 'newsls' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'newsls.toml', '.git' },
  init_options = {},
}

--- The root folder of a buffer: the nearest folder with a root marker,
--- else the buffer's own folder.
---@param bufnr integer
---@param markers string[]
---@return string?
function M.root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return vim.fn.getcwd()
  end
  local found = vim.fs.find(markers, { path = vim.fs.dirname(name), upward = true })[1]
  return vim.fs.dirname(found or name)
end

--- Starts newsls on buffers of the configured filetypes, for Neovim
--- versions without `vim.lsp.enable` (it works on 0.11 too).
---@param opts table? fields of `M.defaults` to override
function M.setup(opts)
  local config = vim.tbl_deep_extend('force', M.defaults, opts or {})
  local group = vim.api.nvim_create_augroup('newsls', { clear = true })
  local function start(bufnr)
    if vim.bo[bufnr].buftype ~= '' then
      return
    end
    vim.lsp.start({
      name = 'newsls',
      cmd = config.cmd,
      root_dir = M.root_dir(bufnr, config.root_markers),
      init_options = config.init_options,
      settings = config.settings,
      on_attach = config.on_attach,
      capabilities = config.capabilities,
    }, { bufnr = bufnr })
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(ev)
      start(ev.buf)
    end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      start(bufnr)
    end
  end
  M.config = config
end

--- The newsls clients attached to a buffer (all newsls clients when none is).
---@param bufnr integer?
---@return vim.lsp.Client[]
function M.clients(bufnr)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  local attached = get({ name = 'newsls', bufnr = bufnr })
  if #attached > 0 or bufnr == nil then
    return attached
  end
  return get({ name = 'newsls' })
end

--- The server command, from a running client, the setup options or the
--- default.
---@return string[]
function M.command()
  local client = M.clients(vim.api.nvim_get_current_buf())[1]
  local cmd = client and client.config.cmd
  if type(cmd) == 'table' then
    return cmd
  end
  if M.config then
    return M.config.cmd
  end
  local ok, config = pcall(function()
    return vim.lsp.config and vim.lsp.config.newsls
  end)
  if ok and config and type(config.cmd) == 'table' then
    return config.cmd
  end
  return M.defaults.cmd
end

--- Restarts every newsls client, reattaching its buffers.
function M.restart()
  local clients = M.clients(nil)
  if #clients == 0 then
    vim.notify('newsls: no server is running', vim.log.levels.WARN)
    return
  end
  for _, client in ipairs(clients) do
    local buffers = vim.tbl_keys(client.attached_buffers)
    local config = client.config
    local id = client.id
    -- stop_client and get_client_by_id work alike on 0.10 and 0.11.
    vim.lsp.stop_client(id)
    vim.wait(5000, function()
      return vim.lsp.get_client_by_id(id) == nil
    end, 20)
    for _, bufnr in ipairs(buffers) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        vim.lsp.start(config, { bufnr = bufnr })
      end
    end
  end
  vim.notify('newsls: server restarted')
end

--- The folders a stats run covers: `args`, else the client's root folder.
---@param args string[]
---@return string[]
local function stats_paths(args)
  if #args > 0 then
    return args
  end
  local client = M.clients(vim.api.nvim_get_current_buf())[1]
  return { client and client.root_dir or vim.fn.getcwd() }
end

--- Where `:NewslsStats html` writes its report.
---@return string
function M.report_path()
  return vim.fs.joinpath(vim.fn.stdpath('cache'), 'newsls', 'stats.html')
end

--- Opens a file with the system opener: `vim.ui.open` on Neovim ≥ 0.10,
--- else xdg-open (open on macOS).
---@param path string
function M.open(path)
  if vim.ui.open then
    local _, err = vim.ui.open(path)
    if err then
      vim.notify('newsls: cannot open ' .. path .. ': ' .. err, vim.log.levels.ERROR)
    end
    return
  end
  local opener = vim.fn.has('mac') == 1 and 'open' or 'xdg-open'
  vim.fn.jobstart({ opener, path }, { detach = true })
end

--- Runs `newsls stats` on the project. Shows the Markdown report in a
--- split, or, when the first argument is `html`, writes the HTML report
--- (charts, sortable tables) to `M.report_path()` and opens it with the
--- system opener.
---@param args string[]? `html` first for the HTML report, then folders
---@return integer|string? the report's buffer, or the HTML file's path
function M.stats(args)
  args = vim.deepcopy(args or {})
  local html = args[1] == 'html'
  if html then
    table.remove(args, 1)
  end
  local paths = stats_paths(args)
  local cmd = { M.command()[1], 'stats', '--format', html and 'html' or 'markdown' }
  local out
  if html then
    out = M.report_path()
    vim.fn.mkdir(vim.fs.dirname(out), 'p')
    vim.list_extend(cmd, { '-o', out })
  end
  local result = vim.system(vim.list_extend(cmd, paths), { text = true }):wait()
  if result.code ~= 0 then
    vim.notify('newsls stats failed: ' .. (result.stderr or ''), vim.log.levels.ERROR)
    return
  end
  if html then
    vim.notify('newsls: report written to ' .. out)
    M.open(out)
    return out
  end
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.stdout, '\n', { trimempty = true }))
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
  vim.api.nvim_buf_set_name(buf, 'newsls://stats')
  return buf
end

return M
